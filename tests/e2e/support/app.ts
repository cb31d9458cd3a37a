/**
 * End-to-end: the real pages in Debian's Chromium (playwright-core, never a downloaded browser),
 * served by an in-memory local cloud seeded with the demo, with a development build pointed at it
 * and the web runner built from that. Each user is a browser context of their own (their phone).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import * as QRCode from 'qrcode'
import { startLocalCloud, type LocalCloud } from '../../../local-cloud/src'
import { buildDevMiniprogram } from '../../../scripts/build/devMiniprogram'
import { buildWebApp } from '../../../scripts/build/webApp'
import { localFunctionEnv } from '../../../scripts/localCloud/functionEnv'
import { seedDemoIfEmpty } from '../../../scripts/localCloud/seedDemo'

const ROOT = path.resolve(__dirname, '../../..')
/** Screenshots of every page visited, at the phone's 375×812 (gitignored). */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e')
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface E2eApp {
  cloud: LocalCloud
  browser: Browser
  /** Opens the app as `openid` (a phone of their own) at `path`. */
  openAs(openid: string, path?: string): Promise<Page>
  close(): Promise<void>
}

export async function startE2eApp(name: string): Promise<E2eApp> {
  const work = path.join(ROOT, 'dist', `e2e-${name}-${process.pid}`)
  const webDir = path.join(work, 'web')
  const cloud = await startLocalCloud({
    port: 0,
    dataDir: null,
    schemaDir: path.join(ROOT, 'database'),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions'),
    env: localFunctionEnv(),
    webAppDir: webDir,
  })
  await seedDemoIfEmpty(cloud)
  const miniprogramDir = path.join(work, 'miniprogram')
  await buildDevMiniprogram(cloud.url, miniprogramDir)
  await buildWebApp(miniprogramDir, webDir)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  return {
    cloud,
    browser,
    async openAs(openid, pagePath = '') {
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 } })
      const page = await context.newPage()
      page.on('pageerror', (error) => console.error(`[${openid}] page error`, error))
      await page.goto(`${cloud.url}/app/?user=${openid}${pagePath ? `#${pagePath}` : ''}`)
      await page.locator('.jl-page-visible wx-page > *').first().waitFor()
      return page
    },
    async close() {
      await browser.close()
      await cloud.close()
      fs.rmSync(work, { recursive: true, force: true })
    },
  }
}

/** The page on top of the phone's stack. */
export function top(page: Page): Locator {
  return page.locator('.jl-page-visible')
}

/** An element of the page on top by its class in `component` (classes carry their component's prefix). */
export function byClass(page: Page, component: string, className: string): Locator {
  return top(page).locator(`[class~="${component}--${className}"]`)
}

/** Waits until the page on top shows `text`. */
export async function see(page: Page, text: string): Promise<void> {
  await top(page).getByText(text, { exact: false }).first().waitFor({ timeout: 10_000 })
}

export async function tapText(page: Page, text: string): Promise<void> {
  await top(page).getByText(text).first().click()
}

/** The route and query on top, from the runner's address. */
export function currentPath(page: Page): string {
  return decodeURI(new URL(page.url()).hash.slice(1))
}

/** Keeps a screenshot of the phone (375×812) and checks the runner reported no problem. */
export async function shot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(300)
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `${name}.png`)
  await page.locator('.jl-phone').screenshot({ path: file })
  const problems = await page.locator('.jl-panel-problems li').allInnerTexts()
  if (problems.length)
    throw new Error(`the runner reported problems on ${name}: ${problems.join('; ')}`)
  return file
}

/** A small real PNG, as a photo picked on the phone. */
export async function photoFile(): Promise<string> {
  const file = path.join(ARTIFACTS, 'photo.png')
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  await QRCode.toFile(file, '近邻 · 楼道照片', { width: 240 })
  return file
}

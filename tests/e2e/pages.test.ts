/**
 * Every page in app.json opens in the runner without a problem, as a user who may see it; a
 * screenshot of each is kept. New pages need no change here. With UPDATE_SCREENSHOTS=1 the main
 * pages' screenshots are copied to docs/screenshots/ for the README.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { appPages, type AppJson } from '../../web-runner/build/appTree'
import { currentPath, shot, startE2eApp, type E2eApp } from './support/app'

const ROOT = path.resolve(__dirname, '../..')
const PAGES = appPages(
  JSON.parse(fs.readFileSync(path.join(ROOT, 'miniprogram/app.json'), 'utf8')) as AppJson,
)

/** Who opens which page: staff see every management page; residents their own. */
const AS: Record<string, string> = {
  'subpackages/community/building/index': 'demo-head-jiguang-3',
  'subpackages/suggestions/queue/index': 'demo-head-jiguang-3',
  'subpackages/fees/household/index': 'demo-resident-huang',
  'subpackages/fees/plan/index': 'demo-head-jiguang-3',
  'subpackages/fees/record/index': 'demo-head-jiguang-3',
  'subpackages/fees/expense/index': 'demo-head-jiguang-3',
  'subpackages/fees/arrears/index': 'demo-head-jiguang-3',
}
const QUERY: Record<string, string> = {
  'subpackages/community/building/index': '?buildingId=b-jiguang-3',
  'subpackages/community/admin/index': '?communityId=c-hefeng',
  'subpackages/suggestions/board/index': '?communityId=c-hefeng',
  'subpackages/suggestions/stats/index': '?communityId=c-hefeng',
  'subpackages/fees/account/index': '?buildingId=b-jiguang-3',
  'subpackages/fees/plan/index': '?buildingId=b-jiguang-3',
  'subpackages/fees/record/index': '?buildingId=b-jiguang-3&householdId=h-jiguang-3-301',
  'subpackages/fees/expense/index': '?buildingId=b-jiguang-3',
  'subpackages/fees/arrears/index': '?buildingId=b-jiguang-3',
  'subpackages/fees/export/index': '?buildingId=b-jiguang-3',
  'subpackages/fees/rates/index': '?communityId=c-hefeng',
}
/** The pages the README shows. */
const MAIN = new Set([
  'pages/home/index',
  'pages/suggestions/index',
  'pages/corridor/index',
  'pages/me/index',
  'subpackages/suggestions/board/index',
  'subpackages/community/building/index',
])

let app: E2eApp
beforeAll(async () => {
  app = await startE2eApp('pages')
}, 120_000)
afterAll(() => app?.close())

it.each(PAGES)(
  '%s opens',
  async (route) => {
    const openid =
      AS[route] ??
      (route.startsWith('subpackages/') && !route.includes('/corridor/')
        ? 'demo-staff-hefeng'
        : 'demo-resident-huang')
    const page = await app.openAs(openid, `/${route}${QUERY[route] ?? ''}`)
    expect(currentPath(page)).toBe(`/${route}${QUERY[route] ?? ''}`)
    await page.waitForTimeout(800)
    const name = route.replace(/\/index$/, '').replace(/\//g, '-')
    const file = await shot(page, `page-${name}`)
    if (MAIN.has(route) && process.env['UPDATE_SCREENSHOTS'] === '1') {
      const docs = path.join(ROOT, 'docs/screenshots')
      fs.mkdirSync(docs, { recursive: true })
      fs.copyFileSync(file, path.join(docs, `${name}.png`))
    }
    await page.context().close()
  },
  30_000,
)

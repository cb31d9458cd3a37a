/**
 * Loads a built page or component (dist/miniprogram) into jsdom with miniprogram-simulate and the
 * official WXML compiler, Vant resolved from miniprogram_npm.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import simulate from 'miniprogram-simulate'

export const MINIPROGRAM_DIST = path.resolve(__dirname, '../../../dist/miniprogram')

/**
 * simulate resolves usingComponents only as paths, so bare npm names (`@vant/weapp/cell/index`)
 * are mapped to miniprogram_npm, the way the mini-program runtime resolves them.
 */
function npmComponentOverrides(root: string): Record<string, string> {
  const overrides: Record<string, string> = {}
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'miniprogram_npm') visit(full)
      } else if (entry.name.endsWith('.json')) {
        const json = JSON.parse(fs.readFileSync(full, 'utf8')) as {
          usingComponents?: Record<string, string>
        }
        for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
          if (!target.startsWith('/') && !target.startsWith('.'))
            overrides[tag] = `/miniprogram_npm/${target}`
        }
      }
    }
  }
  visit(root)
  return overrides
}

export type Rendered = ReturnType<typeof simulate.render>

/** Renders `pages/me/index` (a path under dist/miniprogram) attached to the document. */
export function render(componentPath: string, properties?: Record<string, unknown>): Rendered {
  // `npm start` leaves a development build in dist/ (calls go to wx.request): say so plainly.
  const config = fs.readFileSync(path.join(MINIPROGRAM_DIST, 'config.js'), 'utf8')
  if (!/LOCAL_CLOUD = null/.test(config)) {
    throw new Error(
      'dist/miniprogram is a development build (npm start): run npm run build, or npm test',
    )
  }
  return renderFrom(MINIPROGRAM_DIST, componentPath, properties)
}

/** The same, from another build of the mini-program (e.g. a development build). */
export function renderFrom(
  root: string,
  componentPath: string,
  properties?: Record<string, unknown>,
): Rendered {
  if (!fs.existsSync(path.join(root, `${componentPath}.json`))) {
    throw new Error(`dist/miniprogram/${componentPath} is not built: run npm run build`)
  }
  // simulate requires the page's JS to run Component(); jest keeps modules cached, so a second
  // render of the same page in one file would register nothing without a fresh registry.
  jest.resetModules()
  const id = simulate.load(path.join(root, componentPath), {
    compiler: 'official',
    rootPath: root,
    usingComponents: npmComponentOverrides(root),
  })
  const component = simulate.render(id, properties)
  component.attach(document.createElement('parent-wrapper'))
  return component
}

export const sleep = simulate.sleep

/** Waits for pending promises and setData re-renders. */
export async function settle(): Promise<void> {
  await simulate.sleep(0)
  await simulate.sleep(0)
}

/** Taps a Vant button, found through the components named by `selectors` (each a shadow tree deeper). */
export async function tap(page: Rendered, ...selectors: string[]): Promise<void> {
  let node = page
  for (const selector of selectors) {
    const next = node.querySelector(selector)
    if (!next) throw new Error(`no ${selector} on the page`)
    node = next as typeof page
  }
  node.querySelector('.van-button')!.dispatchEvent('tap')
  await settle()
}

/**
 * What `npm run build` leaves in dist/ (npm test builds first): folders DevTools and the cloud
 * accept as they are.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { functionNames } from '../../scripts/build/cloudfunctions'
import { packageSizes } from '../../scripts/build/packageSize'

const ROOT = path.resolve(__dirname, '../..')
const DIST = path.join(ROOT, 'dist')
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'))

describe('npm run build', () => {
  it('points DevTools at the built folders', () => {
    const project = readJson(path.join(ROOT, 'project.config.json'))
    expect(fs.existsSync(path.join(ROOT, project.miniprogramRoot, 'app.json'))).toBe(true)
    expect(fs.existsSync(path.join(ROOT, project.cloudfunctionRoot, 'health/index.js'))).toBe(true)
  })

  it.each(functionNames())('makes %s a deployable function folder', (name) => {
    const folder = path.join(DIST, 'cloudfunctions', name)
    expect(fs.readdirSync(folder).sort()).toEqual(['config.json', 'index.js', 'package.json'])
    const pkg = readJson(path.join(folder, 'package.json'))
    expect(pkg.main).toBe('index.js')
    expect(pkg.dependencies).toEqual({ 'wx-server-sdk': expect.stringMatching(/^[~^]?4\./) })
    // Shared server code is inside the bundle: nothing but wx-server-sdk is required from outside.
    const code = fs.readFileSync(path.join(folder, 'index.js'), 'utf8')
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])
    expect(required.filter((m) => !m!.startsWith('node:') && !isNodeBuiltin(m!))).toEqual([
      'wx-server-sdk',
    ])
  })

  it('compiles every page to JavaScript beside its wxml, wxss and json', () => {
    const app = readJson(path.join(DIST, 'miniprogram/app.json'))
    const pages: string[] = [
      ...app.pages,
      ...app.subpackages.flatMap((sub: { root: string; pages: string[] }) =>
        sub.pages.map((p) => `${sub.root}/${p}`),
      ),
    ]
    for (const page of pages) {
      for (const ext of ['js', 'json', 'wxml']) {
        expect(fs.existsSync(path.join(DIST, 'miniprogram', `${page}.${ext}`))).toBe(true)
      }
      expect(fs.existsSync(path.join(DIST, 'miniprogram', `${page}.ts`))).toBe(false)
    }
    expect(app.tabBar.list.map((tab: { text: string }) => tab.text)).toEqual([
      '首页',
      '建议',
      '楼道',
      '志愿',
      '我的',
    ])
  })

  it('packs only the Vant components in use, plus dayjs, and keeps the main package within budget', () => {
    const vant = fs.readdirSync(path.join(DIST, 'miniprogram/miniprogram_npm/@vant/weapp'))
    expect(vant).toEqual(
      expect.arrayContaining(['button', 'cell', 'empty', 'switch', 'icon', 'common', 'wxs']),
    )
    expect(vant).not.toContain('calendar')
    expect(fs.existsSync(path.join(DIST, 'miniprogram/miniprogram_npm/dayjs/index.js'))).toBe(true)
    expect(packageSizes().main).toBeLessThan(600 * 1024)
  })
})

function isNodeBuiltin(name: string): boolean {
  return require('node:module').builtinModules.includes(name)
}

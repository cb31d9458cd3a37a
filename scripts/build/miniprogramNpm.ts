/**
 * Packs what the mini-program loads from npm into dist/miniprogram/miniprogram_npm, the way
 * DevTools' 构建 npm lays it out, but only the parts the pages use: all of Vant is 2.3 MB, and the
 * main package may hold 2 MB at most (our budget is 600 KB).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { copyFile, listFiles } from './files'
import { MINIPROGRAM_DIST, MINIPROGRAM_SRC, ROOT } from './paths'

const VANT_LIB = path.join(ROOT, 'node_modules/@vant/weapp/lib')
const VANT_PREFIX = '@vant/weapp/'
/** dayjs and the plugins the mini-program uses: timezone is left out on purpose (see utils/time.ts). */
const DAYJS_FILES: Record<string, string> = {
  'dayjs.min.js': 'index.js',
  'plugin/utc.js': 'plugin/utc.js',
  'locale/zh-cn.js': 'locale/zh-cn.js',
}

export function packMiniprogramNpm(miniprogramDir: string = MINIPROGRAM_DIST): {
  vantFolders: string[]
} {
  const NPM_DIST = path.join(miniprogramDir, 'miniprogram_npm')
  fs.rmSync(NPM_DIST, { recursive: true, force: true })
  const vantFolders = vantFoldersInUse()
  for (const folder of vantFolders) {
    for (const file of listFiles(path.join(VANT_LIB, folder))) {
      if (file.endsWith('.d.ts')) continue
      copyFile(path.join(VANT_LIB, folder, file), path.join(NPM_DIST, '@vant/weapp', folder, file))
    }
  }
  const dayjsRoot = path.join(ROOT, 'node_modules/dayjs')
  for (const [from, to] of Object.entries(DAYJS_FILES)) {
    copyFile(path.join(dayjsRoot, from), path.join(NPM_DIST, 'dayjs', to))
  }
  return { vantFolders }
}

/** The Vant folders our json files name, plus every folder those reach by require, usingComponents or wxs src. */
export function vantFoldersInUse(): string[] {
  const wanted = new Set<string>()
  for (const file of listFiles(MINIPROGRAM_SRC).filter((f) => f.endsWith('.json'))) {
    const json = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_SRC, file), 'utf8')) as {
      usingComponents?: Record<string, string>
    }
    for (const target of Object.values(json.usingComponents ?? {})) {
      if (target.startsWith(VANT_PREFIX))
        wanted.add(target.slice(VANT_PREFIX.length).split('/')[0]!)
    }
  }
  const seen = new Set<string>()
  const queue = [...wanted]
  while (queue.length > 0) {
    const folder = queue.pop()!
    if (seen.has(folder)) continue
    if (!fs.existsSync(path.join(VANT_LIB, folder))) throw new Error(`@vant/weapp has no ${folder}`)
    seen.add(folder)
    for (const file of listFiles(path.join(VANT_LIB, folder))) {
      if (file.endsWith('.d.ts')) continue
      const source = fs.readFileSync(path.join(VANT_LIB, folder, file), 'utf8')
      for (const match of source.matchAll(/\.\.\/([a-z][a-z-]*)\//g)) queue.push(match[1]!)
    }
  }
  return [...seen].sort()
}

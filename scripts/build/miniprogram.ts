/**
 * Compiles the mini-program: each .ts becomes a CommonJS .js beside its wxml/wxss/json in
 * dist/miniprogram (the mini-program runtime loads files, not bundles), everything else is copied.
 */
import * as esbuild from 'esbuild'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { copyFile, listFiles, writeFile } from './files'
import { MINIPROGRAM_DIST, MINIPROGRAM_SRC } from './paths'
import type { LocalCloudSetting } from '../../miniprogram/config'
import { localTemplateIds } from '../../cloudfunctions/shared/subscribeTemplates'
import { CONFIG_FILE, loadDeployConfig } from '../deploy/deployConfig'
import { ROOT } from './paths'

/** Base library 2.x runs ES2018 everywhere we support; DevTools' es6 setting is not relied upon. */
const TARGET = 'es2018'
const SKIPPED = new Set(['tsconfig.json'])

/**
 * `localCloud` makes a development build whose calls go to the local cloud (`npm start`);
 * without it the build is a release build that uses wx.cloud only.
 */
export async function buildMiniprogram(
  localCloud: LocalCloudSetting | null = null,
  outDir: string = MINIPROGRAM_DIST,
): Promise<void> {
  const define = {
    __JINLIN_LOCAL_CLOUD__: JSON.stringify(localCloud),
    __JINLIN_SUBSCRIBE_TEMPLATES__: JSON.stringify(subscribeTemplateIds(localCloud !== null)),
  }
  const files = listFiles(MINIPROGRAM_SRC).filter(
    (file) => !SKIPPED.has(file) && !file.endsWith('.d.ts'),
  )
  await Promise.all(
    files.map(async (file) => {
      const from = path.join(MINIPROGRAM_SRC, file)
      if (!file.endsWith('.ts')) return copyFile(from, path.join(outDir, file))
      const result = await esbuild.transform(fs.readFileSync(from, 'utf8'), {
        loader: 'ts',
        format: 'cjs',
        target: TARGET,
        sourcefile: file,
        minifySyntax: true,
        define,
      })
      writeFile(path.join(outDir, file.replace(/\.ts$/, '.js')), result.code)
    }),
  )
}

/** The local cloud's ids in a development build; a release build's come from jinlin.config.json, when there is one. */
function subscribeTemplateIds(development: boolean): Record<string, string> {
  if (development) return localTemplateIds()
  if (!fs.existsSync(path.join(ROOT, CONFIG_FILE))) return {}
  return loadDeployConfig(ROOT).subscribeTemplates
}

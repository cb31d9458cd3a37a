/** `npm run build`: everything DevTools and the cloud need, in dist/. */
import * as fs from 'node:fs'
import { buildCloudFunctions } from './build/cloudfunctions'
import { buildMiniprogram } from './build/miniprogram'
import { packMiniprogramNpm } from './build/miniprogramNpm'
import { DIST } from './build/paths'
import { packageSizes } from './build/packageSize'
import type { LocalCloudSetting } from '../miniprogram/config'

export async function build(localCloud: LocalCloudSetting | null = null): Promise<void> {
  const started = Date.now()
  fs.rmSync(DIST, { recursive: true, force: true })
  await buildMiniprogram(localCloud)
  const { vantFolders } = packMiniprogramNpm()
  const functions = await buildCloudFunctions()
  const sizes = packageSizes()
  console.log(`built in ${Date.now() - started} ms → dist/`)
  console.log(
    `  mini-program: main package ${kb(sizes.main)} (budget 600 KB, WeChat's limit 2048 KB)`,
  )
  for (const [root, size] of Object.entries(sizes.subpackages))
    console.log(`  subpackage ${root}: ${kb(size)}`)
  console.log(`  Vant components packed: ${vantFolders.join(', ')}`)
  console.log(`  cloud functions: ${functions.join(', ')}`)
  if (sizes.main > 600 * 1024) throw new Error('main package is over its 600 KB budget')
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}

if (require.main === module) {
  build().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}

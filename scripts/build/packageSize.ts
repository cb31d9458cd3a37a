import * as fs from 'node:fs'
import * as path from 'node:path'
import { folderSize } from './files'
import { MINIPROGRAM_DIST } from './paths'

/** Sizes in bytes of the built main package and each subpackage, as app.json divides them. */
export function packageSizes(): { main: number; subpackages: Record<string, number> } {
  const app = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_DIST, 'app.json'), 'utf8')) as {
    subpackages?: Array<{ root: string }>
  }
  const roots = (app.subpackages ?? []).map((sub) => sub.root.replace(/\/?$/, '/'))
  const subpackages: Record<string, number> = {}
  for (const root of roots) subpackages[root] = folderSize(path.join(MINIPROGRAM_DIST, root))
  const main = folderSize(MINIPROGRAM_DIST, (file) => roots.some((root) => file.startsWith(root)))
  return { main, subpackages }
}

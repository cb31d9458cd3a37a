/**
 * `npm run build:dev -- --url http://127.0.0.1:8910 [--out dir]`: only the development
 * mini-program, its calls sent to a local cloud already running at `--url` (npm start does this
 * and starts the cloud too).
 */
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { buildDevMiniprogram } from './build/devMiniprogram'
import { MINIPROGRAM_DIST } from './build/paths'

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, out: { type: 'string' } } })
  if (!values.url || !/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(values.url)) {
    throw new Error('--url must be the local cloud on this machine, e.g. http://127.0.0.1:8910')
  }
  const out = values.out ? path.resolve(values.out) : MINIPROGRAM_DIST
  await buildDevMiniprogram(values.url, out)
  console.log(
    `development mini-program for ${values.url} → ${path.relative(process.cwd(), out) || '.'}`,
  )
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

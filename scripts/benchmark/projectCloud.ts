/**
 * The cloud the feature benchmarks run on: the built functions on the local cloud with the
 * project's declared indexes, on disk in a temp folder that is removed afterwards.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../local-cloud/src'
import { ROOT } from '../build/paths'

/**
 * Runs `measure` on a fresh project cloud named `name` (the temp folder's prefix), then closes
 * it; a failure is printed and exits 1.
 */
export function benchProjectCloud(
  name: string,
  measure: (cloud: LocalCloud) => Promise<void>,
  env?: Record<string, string>,
): void {
  const run = async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `jl-bench-${name}-`))
    const cloud = await startLocalCloud({
      dataDir,
      schemaDir: path.join(ROOT, 'database'),
      functionsDir: path.join(ROOT, 'dist/cloudfunctions'),
      env,
    })
    try {
      await measure(cloud)
    } finally {
      await cloud.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
  run().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}

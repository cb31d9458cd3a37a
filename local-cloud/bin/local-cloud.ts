/**
 * `local-cloud [--port 8910] [--data .local-cloud] [--memory] [--schema database] [--functions dist/cloudfunctions] [--web dir]`
 * Starts the local cloud and keeps it running until Ctrl+C.
 */
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { startLocalCloud } from '../src'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env['PORT'] ?? '8910' },
      data: { type: 'string', default: '.local-cloud' },
      memory: { type: 'boolean', default: false },
      schema: { type: 'string', default: 'database' },
      functions: { type: 'string', default: 'dist/cloudfunctions' },
      web: { type: 'string' },
    },
  })
  const cloud = await startLocalCloud({
    port: Number(values.port),
    dataDir: values.memory ? null : path.resolve(values.data),
    schemaDir: path.resolve(values.schema),
    functionsDir: path.resolve(values.functions),
    webAppDir: values.web ? path.resolve(values.web) : null,
  })
  console.log(`local cloud listening on ${cloud.url}`)
  const stop = (): void => void cloud.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

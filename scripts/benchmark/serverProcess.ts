/** The child process of serverHost.ts: starts the server it is told to, answers over IPC. */
import type { AddressInfo } from 'node:net'
import { startBenchCloud } from './benchCloud'
import { TRIVIAL_FUNCTION } from './dataset'
import { createFloorServer } from './floorServer'
import type { FromServer, ServerConfig, ToServer } from './serverHost'
import { timeSequential } from './stats'

process.on('unhandledRejection', (reason) => console.error('[bench server] unhandled', reason))
// Never outlive the benchmark.
process.on('disconnect', () => process.exit(0))

function reply(message: FromServer): void {
  process.send?.(message)
}

async function startFloor(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createFloorServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as ServerConfig
  const bench = config.kind === 'localCloud' ? await startBenchCloud(config) : null
  const server = bench ? { url: bench.cloud.url, close: () => bench.close() } : await startFloor()
  process.on('message', (message: ToServer) => {
    if (message.type === 'close') {
      void server.close().then(() => process.exit(0))
      return
    }
    if (!bench) return reply({ type: 'failed', message: 'no function runtime here' })
    timeSequential(message.iterations, message.warmup, () =>
      bench.cloud.runtime.invoke(TRIVIAL_FUNCTION, {}, { OPENID: 'o' }),
    ).then(
      (samples) => reply({ type: 'invoked', samples }),
      (error: unknown) => reply({ type: 'failed', message: String(error) }),
    )
  })
  reply({ type: 'ready', url: server.url, loadMs: bench?.loadMs ?? 0 })
}

main().catch((error: unknown) => {
  reply({ type: 'failed', message: String((error as Error).stack ?? error) })
  process.exit(1)
})

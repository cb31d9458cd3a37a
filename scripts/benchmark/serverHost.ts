/**
 * Runs a server (the floor or a local cloud) in a child process, so that it has its own event
 * loop, as the local cloud has beside the function instances that call it. The client side of
 * the benchmark talks to it over IPC: ready, measure `runtime.invoke` in there, close.
 */
import { fork, type ChildProcess } from 'node:child_process'
import * as path from 'node:path'

export type ServerConfig =
  { kind: 'floor' } | { kind: 'localCloud'; onDisk: boolean; docs: number; withPlain: boolean }

export type ToServer = { type: 'invoke'; iterations: number; warmup: number } | { type: 'close' }
export type FromServer =
  | { type: 'ready'; url: string; loadMs: number }
  | { type: 'invoked'; samples: number[] }
  | { type: 'failed'; message: string }

export interface ServerHandle {
  url: string
  loadMs: number
  /** Times `runtime.invoke` of the trivial function inside the server process (local cloud only). */
  invoke(iterations: number, warmup: number): Promise<number[]>
  close(): Promise<void>
}

export async function spawnServer(config: ServerConfig): Promise<ServerHandle> {
  // The child inherits this process's execArgv: tsx's loader (and --cpu-prof, when given).
  const child = fork(path.join(__dirname, 'serverProcess.ts'), [JSON.stringify(config)])
  const ready = await nextMessage(child)
  if (ready.type !== 'ready') throw new Error(`server failed to start: ${JSON.stringify(ready)}`)
  return {
    url: ready.url,
    loadMs: ready.loadMs,
    async invoke(iterations, warmup) {
      send(child, { type: 'invoke', iterations, warmup })
      const answer = await nextMessage(child)
      if (answer.type !== 'invoked') throw new Error(`invoke failed: ${JSON.stringify(answer)}`)
      return answer.samples
    },
    async close() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      send(child, { type: 'close' })
      await exited
    },
  }
}

function send(child: ChildProcess, message: ToServer): void {
  child.send(message)
}

function nextMessage(child: ChildProcess): Promise<FromServer> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void =>
      reject(new Error(`server process exited (${code})`))
    child.once('exit', onExit)
    child.once('message', (message) => {
      child.off('exit', onExit)
      resolve(message as FromServer)
    })
  })
}

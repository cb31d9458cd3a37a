/**
 * Runs built cloud functions (`<functionsDir>/<name>/index.js` exporting `main(event, context)`)
 * the way the cloud does: warm instances reused between invocations, one invocation per
 * instance at a time, more instances under concurrency, a timeout from the function's
 * config.json (3 s by default), and each invocation with its own WX context.
 */
import { randomUUID } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { Worker } from 'node:worker_threads'
import { TcbError } from '../protocol/tcbError'
import { checkEventDepth } from './eventLimits'
import { INSTANCE_HOST_SOURCE } from './instanceHost'
import { instanceEnv } from './instanceEnv'
import { lateWorkWarning } from './lateWork'

export interface CallerContext {
  OPENID?: string
  APPID?: string
  UNIONID?: string
  /** The client's address, for a call from a client (getWXContext().CLIENTIP / CLIENTIPV6). */
  CLIENTIP?: string
  CLIENTIPV6?: string
  /** `wx_client` for the mini-program, `wx_devtools`, or empty for server-side calls. */
  SOURCE?: string
}

export interface Invocation {
  requestId: string
  functionName: string
  action: string | null
  openid: string | null
  startedAt: string
  durationMs: number
  ok: boolean
  error?: string
  /**
   * Requests the function left running when it answered, e.g. `database.insertDocument on
   * notices`: they happen here, but the cloud may freeze the instance before they do.
   */
  lateWork: string[]
}

export interface RuntimeOptions {
  functionsDir: string
  /** Environment of every instance: where wx-server-sdk finds this local cloud. */
  baseEnv: Record<string, string>
  /** Per-function environment variables, as set in the cloud console. */
  functionEnv?: Record<string, Record<string, string>>
  maxInstancesPerFunction?: number
}

const DEFAULT_TIMEOUT_S = 3
const RECENT_INVOCATIONS = 200
const NAME = /^[A-Za-z0-9_-]{1,60}$/

interface Instance {
  worker: Worker
  /**
   * Settles once the code is loaded: a cold start, like the cloud's, is not part of the timeout.
   * Rejects when the code cannot be loaded or the instance died first.
   */
  ready: Promise<void>
  busy: boolean
  pending: Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>
}

/** What an instance tells the runtime (instanceHost.ts). */
type InstanceMessage =
  | { type: 'ready' }
  | { type: 'loadError'; report: string }
  | { type: 'result'; id: string; result: unknown }
  | { type: 'error'; id: string; message: string }
  | { type: 'lateWork'; id: string; what: string }

interface Pool {
  instances: Instance[]
  waiting: Array<() => void>
  timeoutMs: number
}

export class FunctionRuntime {
  private readonly pools = new Map<string, Pool>()
  readonly recent: Invocation[] = []

  constructor(private readonly options: RuntimeOptions) {}

  listFunctions(): string[] {
    if (!fs.existsSync(this.options.functionsDir)) return []
    return fs
      .readdirSync(this.options.functionsDir)
      .filter((name) => fs.existsSync(path.join(this.options.functionsDir, name, 'index.js')))
      .sort()
  }

  exists(name: string): boolean {
    return NAME.test(name) && fs.existsSync(path.join(this.options.functionsDir, name, 'index.js'))
  }

  async invoke(
    name: string,
    event: unknown,
    caller: CallerContext,
  ): Promise<{ result: unknown; requestId: string }> {
    if (!this.exists(name))
      throw new TcbError(
        'FUNCTIONS_NOT_EXIST',
        `FunctionName parameter could not be found: ${name}`,
      )
    const requestId = randomUUID()
    const started = performance.now()
    const record: Invocation = {
      requestId,
      functionName: name,
      action: isObject(event) && typeof event['action'] === 'string' ? event['action'] : null,
      openid: caller.OPENID ?? null,
      startedAt: new Date().toISOString(),
      durationMs: 0,
      ok: true,
      lateWork: [],
    }
    try {
      checkEventDepth(event)
      const pool = this.poolOf(name)
      const instance = await this.acquire(name, pool)
      try {
        const result = await this.run(instance, pool, name, requestId, event, caller)
        return { result, requestId }
      } finally {
        this.release(pool, instance)
      }
    } catch (error) {
      record.ok = false
      record.error = (error as Error).message
      throw error
    } finally {
      record.durationMs = performance.now() - started
      this.recent.push(record)
      if (this.recent.length > RECENT_INVOCATIONS) this.recent.shift()
    }
  }

  /** Stops every instance (new code is loaded on the next invocation). */
  async reload(): Promise<void> {
    const pools = [...this.pools.values()]
    this.pools.clear()
    await Promise.all(
      pools.flatMap((pool) => pool.instances.map((instance) => instance.worker.terminate())),
    )
  }

  private poolOf(name: string): Pool {
    let pool = this.pools.get(name)
    if (!pool) {
      pool = { instances: [], waiting: [], timeoutMs: this.timeoutOf(name) }
      this.pools.set(name, pool)
    }
    return pool
  }

  private timeoutOf(name: string): number {
    const configFile = path.join(this.options.functionsDir, name, 'config.json')
    if (!fs.existsSync(configFile)) return DEFAULT_TIMEOUT_S * 1000
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { timeout?: number }
    return (
      (typeof config.timeout === 'number' && config.timeout > 0
        ? config.timeout
        : DEFAULT_TIMEOUT_S) * 1000
    )
  }

  private async acquire(name: string, pool: Pool): Promise<Instance> {
    for (;;) {
      const idle = pool.instances.find((instance) => !instance.busy)
      if (idle) {
        idle.busy = true
        return idle
      }
      if (pool.instances.length < (this.options.maxInstancesPerFunction ?? 16)) {
        const instance = this.spawn(name, pool)
        instance.busy = true
        return instance
      }
      await new Promise<void>((resolve) => pool.waiting.push(resolve))
    }
  }

  private release(pool: Pool, instance: Instance): void {
    instance.busy = false
    pool.waiting.shift()?.()
  }

  private spawn(name: string, pool: Pool): Instance {
    const folder = path.join(this.options.functionsDir, name)
    const worker = new Worker(INSTANCE_HOST_SOURCE, {
      eval: true,
      workerData: { name, entry: path.join(folder, 'index.js') },
      env: instanceEnv(folder, name, {
        ...this.options.baseEnv,
        ...(this.options.functionEnv?.[name] ?? {}),
      }),
    })
    worker.unref()
    let loaded = (): void => undefined
    let unloadable = (_error: Error): void => undefined
    const ready = new Promise<void>((resolve, reject) => {
      loaded = resolve
      unloadable = reject
    })
    // Nobody may be waiting when an idle instance dies.
    ready.catch(() => undefined)
    const instance: Instance = { worker, ready, busy: false, pending: new Map() }
    const discard = (error: Error): void => {
      unloadable(error)
      pool.instances = pool.instances.filter((other) => other !== instance)
      for (const pending of instance.pending.values()) pending.reject(error)
      instance.pending.clear()
    }
    worker.on('message', (message: InstanceMessage) => {
      if (message.type === 'ready') return loaded()
      if (message.type === 'loadError') {
        console.error(`[local-cloud] function ${name} failed to load:\n${message.report}`)
        // Like the cloud, an instance whose code failed to load serves nothing more: the next
        // call starts a new one, which loads the code again.
        discard(
          new TcbError('FUNCTIONS_EXECUTE_FAIL', `the function failed to load: ${message.report}`),
        )
        return void worker.terminate()
      }
      if (message.type === 'lateWork') return this.reportLateWork(name, message.id, message.what)
      const pending = instance.pending.get(message.id)
      if (!pending) return
      instance.pending.delete(message.id)
      if (message.type === 'result') return pending.resolve(message.result)
      console.error(`[local-cloud] function ${name} failed: ${message.message}`)
      pending.reject(new TcbError('FUNCTIONS_EXECUTE_FAIL', message.message))
    })
    worker.on('error', (error) => discard(new TcbError('FUNCTIONS_EXECUTE_FAIL', error.message)))
    worker.on('exit', () =>
      discard(new TcbError('FUNCTIONS_EXECUTE_FAIL', 'function instance exited')),
    )
    // A reply the instance could send but this thread cannot read (a result nested too deep for
    // this thread's stack) names no invocation; it can only be the one the instance is running.
    // That call fails, and the instance, unharmed, keeps serving.
    worker.on('messageerror', (error) => {
      const failure = new TcbError(
        'FUNCTIONS_EXECUTE_FAIL',
        `the function's return value cannot be received: ${error.message}`,
      )
      for (const pending of instance.pending.values()) pending.reject(failure)
      instance.pending.clear()
    })
    pool.instances.push(instance)
    return instance
  }

  private reportLateWork(name: string, requestId: string, what: string): void {
    this.recent.find((invocation) => invocation.requestId === requestId)?.lateWork.push(what)
    console.warn(lateWorkWarning(name, requestId, what))
  }

  private async run(
    instance: Instance,
    pool: Pool,
    name: string,
    requestId: string,
    event: unknown,
    caller: CallerContext,
  ): Promise<unknown> {
    await instance.ready
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        instance.pending.delete(requestId)
        // A timed-out instance may be stuck in a loop: the cloud discards it, so do we.
        pool.instances = pool.instances.filter((other) => other !== instance)
        void instance.worker.terminate()
        reject(
          new TcbError(
            'FUNCTIONS_EXECUTE_FAIL',
            `Invoking task timed out after ${pool.timeoutMs / 1000} seconds`,
          ),
        )
      }, pool.timeoutMs)
      const settle = {
        resolve: (value: unknown) => {
          clearTimeout(timer)
          resolve(value)
        },
        reject: (error: Error) => {
          clearTimeout(timer)
          reject(error)
        },
      }
      instance.pending.set(requestId, settle)
      try {
        instance.worker.postMessage({
          id: requestId,
          event,
          context: caller,
          invocation: {
            request_id: requestId,
            function_name: name,
            function_version: '$LATEST',
            time_limit_in_ms: pool.timeoutMs,
            memory_limit_in_mb: 256,
          },
        })
      } catch (error) {
        // Nothing reached the instance: this call fails, and its timer must not go on to stop
        // the instance under the next call.
        instance.pending.delete(requestId)
        settle.reject(
          new TcbError(
            'INVALID_PARAM',
            `the event cannot be passed to the function: ${(error as Error).message}`,
          ),
        )
      }
    })
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * How every wx API behaves on the surface: success / fail / complete callbacks, or a Promise
 * when none is given, and `errMsg` as `name:ok` or `name:fail reason`.
 */
import type { Dict } from './types'

export class ApiFail extends Error {}

type Callback = (result: Dict) => void

export function asyncApi(name: string, run: (options: Dict) => Promise<Dict | void> | Dict | void) {
  return (options: Dict = {}): Promise<Dict> | undefined => {
    const success = options['success'] as Callback | undefined
    const fail = options['fail'] as Callback | undefined
    const complete = options['complete'] as Callback | undefined
    const promise = Promise.resolve()
      .then(() => run(options))
      .then(
        (result) => ({ errMsg: `${name}:ok`, ...(result ?? {}) }),
        (error: unknown) => {
          if (!(error instanceof ApiFail)) console.error(`wx.${name} failed`, error)
          const reason = error instanceof Error ? error.message : String(error)
          throw { errMsg: `${name}:fail ${reason}` }
        },
      )
    if (!success && !fail && !complete) return promise
    promise.then(
      (result) => {
        success?.(result)
        complete?.(result)
      },
      (error: Dict) => {
        fail?.(error)
        complete?.(error)
      },
    )
    return undefined
  }
}

/** A Proxy that answers every name: what `known` lacks fails loudly, naming the API. */
export function loud<T extends object>(
  known: T,
  prefix: string,
  unsupported: (name: string) => void,
): T {
  return new Proxy(known, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target) return Reflect.get(target, key, receiver)
      // Promise resolution and console inspection probe these: they are not API calls.
      if (key === 'then' || key === 'toJSON' || key === 'constructor' || key === '$$typeof')
        return undefined
      const name = `${prefix}${key}`
      return (options?: Dict) => {
        unsupported(name)
        const errMsg = `${key}:fail the web runner has no ${name}`
        if (key.endsWith('Sync')) throw new Error(errMsg)
        const fail = options && (options['fail'] as Callback | undefined)
        const complete = options && (options['complete'] as Callback | undefined)
        if (fail || complete || options?.['success']) {
          fail?.({ errMsg })
          complete?.({ errMsg })
          return undefined
        }
        return Promise.reject({ errMsg })
      }
    },
  })
}

/**
 * wx storage: this user's phone. Values live in localStorage under the chosen user's keys
 * (Identity), so switching users switches phones.
 */
import { ApiFail, asyncApi } from '../api'
import type { Dict } from '../types'
import type { Runtime } from '../runtime'

/** What WeChat reports as the storage limit, in KB. */
const LIMIT_KB = 10240

export function storageApis(rt: Runtime): Dict {
  const { identity, manifest } = rt
  const writeStored = (key: string, value: unknown): void => {
    if (typeof key !== 'string' || key === '')
      throw new ApiFail('parameter error: key should be a non-empty string')
    identity.store(key, value)
    // An app that keeps its user's openid in storage has just switched users itself.
    if (
      manifest.identityStorageKey === key &&
      typeof value === 'string' &&
      value !== identity.openid
    ) {
      rt.identityChanged(value)
    }
  }
  const storageInfo = (): Dict => {
    const keys = identity.storageKeys()
    let bytes = 0
    for (const key of keys) bytes += (localStorage.getItem(identity.storageKey(key)) ?? '').length
    return { keys, currentSize: Math.ceil(bytes / 1024), limitSize: LIMIT_KB }
  }
  const removeStored = (key: string): void => localStorage.removeItem(identity.storageKey(key))
  const clearStored = (): void => {
    for (const key of identity.storageKeys()) removeStored(key)
  }

  return {
    setStorageSync: writeStored,
    getStorageSync: (key: string) => identity.stored(key).value,
    removeStorageSync: removeStored,
    clearStorageSync: clearStored,
    getStorageInfoSync: storageInfo,
    setStorage: asyncApi('setStorage', (o) => writeStored(String(o['key']), o['data'])),
    getStorage: asyncApi('getStorage', (o) => {
      const stored = identity.stored(String(o['key']))
      if (!stored.found) throw new ApiFail('data not found')
      return { data: stored.value }
    }),
    removeStorage: asyncApi('removeStorage', (o) => removeStored(String(o['key']))),
    clearStorage: asyncApi('clearStorage', clearStored),
    getStorageInfo: asyncApi('getStorageInfo', storageInfo),
  }
}

/**
 * Who is using the phone. Each user has a phone of their own: storage is kept per user (in
 * localStorage, under the user's openid), so switching users is like picking up another phone.
 * The choice comes from `?user=` in the address, else the last one chosen, else the first user.
 */
import type { RunnerUser } from './types'

const CHOSEN_KEY = 'wx-runner:user'

export class Identity {
  openid: string

  constructor(readonly users: RunnerUser[]) {
    const fromUrl = new URL(window.location.href).searchParams.get('user')
    const last = localStorage.getItem(CHOSEN_KEY)
    this.openid = fromUrl || last || users[0]?.openid || 'local-user'
    localStorage.setItem(CHOSEN_KEY, this.openid)
  }

  get user(): RunnerUser {
    return (
      this.users.find((user) => user.openid === this.openid) ?? {
        openid: this.openid,
        name: this.openid,
        role: '其他',
        detail: '',
      }
    )
  }

  choose(openid: string): void {
    this.openid = openid
    localStorage.setItem(CHOSEN_KEY, openid)
    const url = new URL(window.location.href)
    url.searchParams.set('user', openid)
    window.history.replaceState(null, '', url)
  }

  /** The localStorage key of a storage key on this user's phone. */
  storageKey(key: string): string {
    return `wx-runner:${this.openid}:${key}`
  }

  /** Keeps `value` under `key` on this user's phone, in the form `stored` reads back. */
  store(key: string, value: unknown): void {
    localStorage.setItem(this.storageKey(key), JSON.stringify({ v: value }))
  }

  /** What `key` holds on this user's phone (wx.getStorageSync answers '' for nothing). */
  stored(key: string): { found: boolean; value: unknown } {
    const raw = localStorage.getItem(this.storageKey(key))
    if (raw === null) return { found: false, value: '' }
    return { found: true, value: (JSON.parse(raw) as { v: unknown }).v }
  }

  storageKeys(): string[] {
    const prefix = `wx-runner:${this.openid}:`
    const keys: string[] = []
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (key?.startsWith(prefix)) keys.push(key.slice(prefix.length))
    }
    return keys
  }
}

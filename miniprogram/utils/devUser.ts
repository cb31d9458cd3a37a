/** Development builds against the local cloud: which demo user this phone acts as. */
import { LOCAL_CLOUD } from '../config'
import { DEV_USER_STORAGE_KEY as STORAGE_KEY } from './devUserKey'

export function devOpenid(): string {
  const chosen = wx.getStorageSync(STORAGE_KEY)
  if (typeof chosen === 'string' && chosen !== '') return chosen
  return LOCAL_CLOUD?.demoUsers[0]?.openid ?? ''
}

export function setDevOpenid(openid: string): void {
  wx.setStorageSync(STORAGE_KEY, openid)
}

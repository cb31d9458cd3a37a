/** The large-type option of 我的 → 大字模式, kept on the phone. */
const STORAGE_KEY = 'jl.largeText'

export function isLargeText(): boolean {
  return wx.getStorageSync(STORAGE_KEY) === true
}

export function setLargeText(on: boolean): void {
  wx.setStorageSync(STORAGE_KEY, on)
}

/** The class every page puts on its root view beside `jl-page`. */
export function fontClass(): string {
  return isLargeText() ? 'jl-large' : ''
}

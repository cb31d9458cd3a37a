/** How pages tell people what happened: a clear toast for failures, in the server's own words. */
import { CloudCallError } from '../services/cloud'

export function messageOf(error: unknown): string {
  return error instanceof CloudCallError ? error.message : '出了点问题，请稍后再试'
}

export function showError(error: unknown): void {
  wx.showToast({ title: messageOf(error), icon: 'none', duration: 3000 })
}

/** The server's privacy gate: the page offers the notice in place, and the person tries again. */
export function isPrivacyRefusal(error: unknown): boolean {
  return (
    error instanceof CloudCallError &&
    error.code === 'FAILED_PRECONDITION' &&
    error.details.some((d) => d.field === 'privacy')
  )
}

/**
 * Creates are idempotent by the client's request id: the document id is derived from it, so a
 * repeat (a double tap, a retry after a timeout) collides with the first instead of creating twice.
 */
import { createHash } from 'node:crypto'

export function requestScopedId(prefix: string, openid: string, requestId: string): string {
  return `${prefix}_${createHash('sha256').update(`${openid}\u0000${requestId}`).digest('hex').slice(0, 32)}`
}

/** The database's answer to a unique-index or _id collision (E11000, errCode -502001). */
export function isDuplicateKey(error: unknown): boolean {
  const text = String(
    (error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? '',
  )
  return text.includes('duplicate key')
}

/**
 * What an event may be, checked before it reaches an instance. The cloud refuses a synchronous
 * invocation whose event is over 6 MB of JSON. It documents no nesting limit, but here an event
 * is copied to a worker thread, and that copy overflows the stack a few thousand levels down.
 * Real events nest fewer than 20 levels; 200 leaves them plenty of room, far below the overflow.
 */
import { TcbError } from '../protocol/tcbError'

export const EVENT_SIZE_LIMIT = 6 * 1024 * 1024
export const EVENT_DEPTH_LIMIT = 200

/** Refuses an event's JSON text over the cloud's size limit. */
export function checkEventSize(json: string): void {
  if (Buffer.byteLength(json) > EVENT_SIZE_LIMIT)
    throw new TcbError('INVALID_PARAM', 'the event is larger than 6 MB')
}

/** Refuses an event nested deeper than the limit: `{"a":{"b":1}}` is 2 levels deep. */
export function checkEventDepth(event: unknown): void {
  if (deeperThan(event, EVENT_DEPTH_LIMIT))
    throw new TcbError(
      'INVALID_PARAM',
      `the event is nested deeper than ${EVENT_DEPTH_LIMIT} levels`,
    )
}

// A loop rather than recursion: an attacker's event can be nested deeper than the stack allows.
function deeperThan(root: unknown, limit: number): boolean {
  const values: unknown[] = [root]
  const depths: number[] = [1]
  while (values.length > 0) {
    const value = values.pop()
    const depth = depths.pop()!
    if (typeof value !== 'object' || value === null) continue
    if (depth > limit) return true
    for (const child of Object.values(value)) {
      if (typeof child !== 'object' || child === null) continue
      values.push(child)
      depths.push(depth + 1)
    }
  }
  return false
}

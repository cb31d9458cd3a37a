/** Keyset pagination by (time field, _id): stable however many items share an instant. */
import type { Database } from '../../shared/cloud'
import { parseTimeCursor, timeCursorOf } from './fields'

export function afterCursor(
  db: Database,
  base: Record<string, unknown>,
  field: string,
  order: 'asc' | 'desc',
  cursor: string | undefined,
): Record<string, unknown> {
  const after = parseTimeCursor(cursor)
  if (!after) return base
  const _ = db.command
  const beyond = order === 'asc' ? _['gt']! : _['lt']!
  return _['and']!([
    base,
    _['or']!([{ [field]: beyond(after.at) }, { [field]: after.at, _id: beyond(after.id) }]),
  ]) as Record<string, unknown>
}

/** Fetches one item more than a page to know whether there is a next one. */
export function pageOf<T extends { _id: string }>(
  rows: T[],
  pageSize: number,
  timeOf: (row: T) => Date,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, pageSize)
  const last = items[items.length - 1]
  return {
    items,
    nextCursor: rows.length > pageSize && last ? timeCursorOf(timeOf(last), last._id) : null,
  }
}

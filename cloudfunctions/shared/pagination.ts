/**
 * Newest-first paging by a cursor of the last item's (time, id): unlike skip, it neither skips nor
 * repeats items when new ones arrive between pages, and it costs the same on page 1 and page 500.
 */
import { z } from 'zod'
import type { Database } from './cloud'

/** `<ISO time>_<id>`: time alone would skip items written in the same millisecond. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([A-Za-z0-9_-]{1,64})$/

export function pageCursor() {
  return z.string().regex(CURSOR, { error: '翻页位置不正确' })
}

export function pageSize(max = 50) {
  return z
    .number({ error: '每页条数不正确' })
    .int({ error: '每页条数不正确' })
    .min(1, { error: '每页条数不正确' })
    .max(max, { error: `每页最多 ${max} 条` })
}

/** `filter` narrowed to the items after `cursor` in (field desc, _id desc) order. */
export function afterCursor(
  db: Database,
  filter: Record<string, unknown>,
  field: string,
  cursor: string | undefined,
): Record<string, unknown> {
  const after = cursor ? CURSOR.exec(cursor) : null
  if (!after) return filter
  const _ = db.command
  const at = new Date(after[1]!)
  return _['and']!([
    filter,
    _['or']!([{ [field]: _['lt']!(at) }, { [field]: at, _id: _['lt']!(after[2]!) }]),
  ]) as Record<string, unknown>
}

/** Cuts the `size + 1` rows fetched into a page and the cursor of the next one. */
export function toPage<T extends { _id: string }>(
  rows: T[],
  size: number,
  timeOf: (row: T) => Date,
): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, size)
  const last = page[page.length - 1]
  return {
    rows: page,
    nextCursor: rows.length > size && last ? `${timeOf(last).toISOString()}_${last._id}` : null,
  }
}

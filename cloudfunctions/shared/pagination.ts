/**
 * Paging by a cursor of the last item's (time, id), newest first unless asked otherwise: unlike
 * skip, it neither skips nor repeats items when new ones arrive between pages, and it costs the
 * same on page 1 and page 500.
 */
import { z } from 'zod'
import type { Database } from './cloud'

/**
 * `<ISO time>_<id>`: time alone would skip items written in the same millisecond. The id part
 * reaches 100 characters because some ids join two others (a sign-up is `<projectId>_<openid>`).
 */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([A-Za-z0-9_-]{1,100})$/

export type Order = 'asc' | 'desc'

export function pageCursor() {
  return z
    .string()
    .regex(CURSOR, { error: '翻页位置不正确' })
    .refine(isRealTime, { error: '翻页位置不正确' })
}

/** The cursor's time is one that exists (not 2026-13-45T25:61): it round-trips through Date. */
function isRealTime(cursor: string): boolean {
  const iso = cursor.slice(0, 24)
  const time = Date.parse(iso)
  return !Number.isNaN(time) && new Date(time).toISOString() === iso
}

export function pageSize(max = 50) {
  return z
    .number({ error: '每页条数不正确' })
    .int({ error: '每页条数不正确' })
    .min(1, { error: '每页条数不正确' })
    .max(max, { error: `每页最多 ${max} 条` })
}

/** The input fields of an action that lists a page at a time. */
export const pagingInput = { cursor: pageCursor().optional(), pageSize: pageSize().optional() }

export interface Paging {
  cursor?: string | undefined
  pageSize?: number | undefined
}

/** `filter` narrowed to the items after `cursor` in (field, _id) order. */
function afterCursor(
  db: Database,
  filter: Record<string, unknown>,
  field: string,
  cursor: string | undefined,
  order: Order = 'desc',
): Record<string, unknown> {
  const after = cursor ? CURSOR.exec(cursor) : null
  if (!after) return filter
  const _ = db.command
  const beyond = order === 'asc' ? _['gt']! : _['lt']!
  const at = new Date(after[1]!)
  return _['and']!([
    filter,
    _['or']!([{ [field]: beyond(at) }, { [field]: at, _id: beyond(after[2]!) }]),
  ]) as Record<string, unknown>
}

/** Cuts the `size + 1` rows fetched into a page and the cursor of the next one. */
function toPage<T extends { _id: string }>(
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

/**
 * One page (20 items unless `paging` says otherwise) of the `collection` items matching `filter`,
 * ordered by the time `field` then _id, newest first unless `order` is 'asc'.
 */
export async function pageOf<T extends { _id: string }>(
  db: Database,
  collection: string,
  filter: Record<string, unknown>,
  field: keyof T & string,
  paging: Paging,
  order: Order = 'desc',
): Promise<{ rows: T[]; nextCursor: string | null }> {
  const size = paging.pageSize ?? 20
  const { data } = await db
    .collection<T>(collection)
    .where(afterCursor(db, filter, field, paging.cursor, order))
    .orderBy(field, order)
    .orderBy('_id', order)
    .limit(size + 1)
    .get()
  return toPage(data, size, (row) => new Date(row[field] as Date | string))
}

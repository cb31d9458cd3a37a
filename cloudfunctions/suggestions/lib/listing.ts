/** Lists of matters, newest first, a page at a time by cursor. */
import type { Page } from '../../../typings/community'
import type { SuggestionSummary } from '../../../typings/suggestions'
import type { Database } from '../../shared/cloud'
import { afterCursor, pageCursor, pageSize, toPage } from '../../shared/pagination'
import { SUGGESTIONS, type SuggestionDoc } from './model'
import { toSummary } from './views'

export const pagingInput = { cursor: pageCursor().optional(), pageSize: pageSize().optional() }

export async function pageOf(
  db: Database,
  filter: Record<string, unknown>,
  paging: { cursor?: string | undefined; pageSize?: number | undefined },
): Promise<{ rows: SuggestionDoc[]; nextCursor: string | null }> {
  const size = paging.pageSize ?? 20
  const { data } = await db
    .collection<SuggestionDoc>(SUGGESTIONS)
    .where(afterCursor(db, filter, 'createdAt', paging.cursor))
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(size + 1)
    .get()
  return toPage(data, size, (item) => new Date(item.createdAt))
}

export async function summaryPage(
  db: Database,
  filter: Record<string, unknown>,
  paging: { cursor?: string | undefined; pageSize?: number | undefined },
  now: Date,
): Promise<Page<SuggestionSummary>> {
  const { rows, nextCursor } = await pageOf(db, filter, paging)
  return { items: rows.map((item) => toSummary(item, now)), nextCursor }
}

/** Lists of matters, newest first, a page at a time by cursor. */
import type { Page } from '../../../typings/community'
import type { SuggestionSummary } from '../../../typings/suggestions'
import type { Database } from '../../shared/cloud'
import { pageOf, type Paging } from '../../shared/pagination'
import { SUGGESTIONS, type SuggestionDoc } from './model'
import { toSummary } from './views'

/** One page of the matters matching `filter`, newest first. */
export function suggestionPage(
  db: Database,
  filter: Record<string, unknown>,
  paging: Paging,
): Promise<{ rows: SuggestionDoc[]; nextCursor: string | null }> {
  return pageOf<SuggestionDoc>(db, SUGGESTIONS, filter, 'createdAt', paging)
}

export async function summaryPage(
  db: Database,
  filter: Record<string, unknown>,
  paging: Paging,
  now: Date,
): Promise<Page<SuggestionSummary>> {
  const { rows, nextCursor } = await suggestionPage(db, filter, paging)
  return { items: rows.map((item) => toSummary(item, now)), nextCursor }
}

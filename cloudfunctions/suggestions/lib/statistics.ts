/**
 * A month's statistics computed in the database, right for any number of matters: counts by one
 * grouping (at most 7 × 7 rows), medians by a sorted skip to the middle, overdue by count.
 */
import type {
  SuggestionCategory,
  SuggestionStatistics,
  SuggestionStatus,
} from '../../../typings/suggestions'
import type { Database } from '../../shared/cloud'
import { CATEGORIES, STATUSES } from './categories'
import { SUGGESTIONS } from './model'
import { overdueWhere } from './views'

interface GroupRow {
  _id: { status: SuggestionStatus; category: SuggestionCategory }
  count: number
  satisfactionSum: number
  rated: number
  reopened: number
  everResolved: number
}

export async function monthStatistics(
  db: Database,
  scope: Record<string, string>,
  now: Date,
): Promise<Omit<SuggestionStatistics, 'month' | 'scope'>> {
  const $ = db.command.aggregate
  const items = db.collection(SUGGESTIONS)
  const [grouped, overdue, medianFirstResponseMinutes, medianResolutionMinutes] = await Promise.all(
    [
      items
        .aggregate()
        .match(scope)
        .group({
          _id: { status: '$status', category: '$category' },
          count: $['sum']!(1),
          satisfactionSum: $['sum']!($['ifNull']!(['$satisfaction', 0])),
          rated: $['sum']!($['cond']!([$['gt']!(['$satisfaction', 0]), 1, 0])),
          reopened: $['sum']!($['cond']!([$['gt']!(['$reopenCount', 0]), 1, 0])),
          everResolved: $['sum']!($['cond']!([$['gte']!(['$resolutionMinutes', 0]), 1, 0])),
        })
        .limit(100)
        .end<GroupRow>(),
      items.where({ ...scope, ...overdueWhere(db, now) }).count(),
      median(db, scope, 'firstResponseMinutes'),
      median(db, scope, 'resolutionMinutes'),
    ],
  )
  const rows = grouped.list
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<
    SuggestionStatus,
    number
  >
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<
    SuggestionCategory,
    number
  >
  let total = 0
  let satisfactionSum = 0
  let rated = 0
  let reopened = 0
  let everResolved = 0
  for (const row of rows) {
    byStatus[row._id.status] += row.count
    byCategory[row._id.category] += row.count
    total += row.count
    satisfactionSum += row.satisfactionSum
    rated += row.rated
    reopened += row.reopened
    everResolved += row.everResolved
  }
  return {
    total,
    byStatus,
    byCategory,
    medianFirstResponseMinutes,
    medianResolutionMinutes,
    overdue: overdue.total,
    averageSatisfaction: rated > 0 ? Math.round((satisfactionSum / rated) * 100) / 100 : null,
    rated,
    reopenRatePercent: everResolved > 0 ? Math.round((reopened / everResolved) * 1000) / 10 : null,
  }
}

/** The median of a numeric field over the scope: count, then read the middle one or two in order. */
async function median(
  db: Database,
  scope: Record<string, string>,
  field: 'firstResponseMinutes' | 'resolutionMinutes',
): Promise<number | null> {
  const where = { ...scope, [field]: db.command['gte']!(0) }
  const items = db.collection<Record<string, number>>(SUGGESTIONS)
  const { total } = await items.where(where).count()
  if (total === 0) return null
  const { data } = await items
    .where(where)
    .orderBy(field, 'asc')
    .skip(Math.floor((total - 1) / 2))
    .limit(2)
    .field({ [field]: true })
    .get()
  const low = data[0]![field]!
  const high = total % 2 === 0 ? data[1]![field]! : low
  return (low + high) / 2
}

/** Month totals per building, added up by the database (never by fetching every rating). */
import type { Database } from '../../shared/cloud'
import { DIMENSIONS, type MonthTotals } from './fiveStar'
import { RATING_COLLECTIONS } from './model'

interface GroupRow {
  _id: { buildingId: string; month: string }
  count: number
  [dimension: string]: unknown
}

export async function monthTotals(
  db: Database,
  match: Record<string, unknown>,
): Promise<Map<string, MonthTotals>> {
  const $ = db.command.aggregate
  const group: Record<string, unknown> = {
    _id: { buildingId: '$buildingId', month: '$month' },
    count: $['sum']!(1),
  }
  for (const d of DIMENSIONS) {
    group[d] = $['sum']!(`$scores.${d}`)
    group[`low_${d}`] = $['sum']!($['cond']!([$['lte']!([`$scores.${d}`, 2]), 1, 0]))
    group[`rated_${d}`] = $['sum']!($['cond']!([$['gt']!([`$scores.${d}`, 0]), 1, 0]))
  }
  const { list } = (await db
    .collection(RATING_COLLECTIONS.current)
    .aggregate()
    .match(match)
    .group(group)
    .limit(10_000)
    .end()) as { list: GroupRow[] }
  const totals = new Map<string, MonthTotals>()
  for (const row of list) {
    const sums = Object.fromEntries(
      DIMENSIONS.map((d) => [d, Number(row[d] ?? 0)]),
    ) as MonthTotals['sums']
    const low = Object.fromEntries(
      DIMENSIONS.map((d) => [d, Number(row[`low_${d}`] ?? 0)]),
    ) as MonthTotals['low']
    const rated = Object.fromEntries(
      DIMENSIONS.map((d) => [d, Number(row[`rated_${d}`] ?? 0)]),
    ) as MonthTotals['rated']
    totals.set(`${row._id.buildingId}|${row._id.month}`, { count: row.count, sums, rated, low })
  }
  return totals
}

/**
 * Sums done by the database. aggregate() answers 20 rows unless told otherwise and at most 1000
 * per call, so grouped results are read a page at a time.
 */
import type { Database } from '../../shared/cloud'

const PAGE = 1000

/** Every group of `match` → `group`, in `_id` order, a page at a time. */
export async function groupAll<Row>(
  db: Database,
  collection: string,
  match: Record<string, unknown>,
  group: Record<string, unknown>,
): Promise<Row[]> {
  const rows: Row[] = []
  for (let skip = 0; ; skip += PAGE) {
    const { list } = await db
      .collection(collection)
      .aggregate()
      .match(match)
      .group(group)
      .sort({ _id: 1 })
      .skip(skip)
      .limit(PAGE)
      .end<Row>()
    rows.push(...list)
    if (list.length < PAGE) return rows
  }
}

/** One sum (and count) over the documents matching `match`. */
export async function sumOf(
  db: Database,
  collection: string,
  match: Record<string, unknown>,
  field = '$amountFen',
): Promise<{ sum: number; count: number }> {
  const $ = db.command.aggregate
  const [row] = await groupAll<{ sum: number; count: number }>(db, collection, match, {
    _id: null,
    sum: $['sum']!(field),
    count: $['sum']!(1),
  })
  return { sum: Number(row?.sum ?? 0), count: Number(row?.count ?? 0) }
}

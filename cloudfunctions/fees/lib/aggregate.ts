/**
 * Sums done by the database. aggregate() answers 20 rows unless told otherwise and at most 1000
 * per call, so grouped results are read a page at a time.
 */
import type { Database } from '../../shared/cloud'

interface Pipeline {
  match(query: unknown): Pipeline
  group(spec: unknown): Pipeline
  sort(spec: unknown): Pipeline
  skip(n: number): Pipeline
  limit(n: number): Pipeline
  end(): Promise<{ list: unknown[] }>
}

const PAGE = 1000

export function operators(db: Database): Record<string, (...args: unknown[]) => unknown> {
  return db.command.aggregate as Record<string, (...args: unknown[]) => unknown>
}

/** Every group of `match` → `group`, in `_id` order, a page at a time. */
export async function groupAll<Row>(
  db: Database,
  collection: string,
  match: Record<string, unknown>,
  group: Record<string, unknown>,
): Promise<Row[]> {
  const rows: Row[] = []
  for (let skip = 0; ; skip += PAGE) {
    const pipeline = db.collection(collection).aggregate() as unknown as Pipeline
    const { list } = await pipeline
      .match(match)
      .group(group)
      .sort({ _id: 1 })
      .skip(skip)
      .limit(PAGE)
      .end()
    rows.push(...(list as Row[]))
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
  const $ = operators(db)
  const [row] = await groupAll<{ sum: number; count: number }>(db, collection, match, {
    _id: null,
    sum: $['sum']!(field),
    count: $['sum']!(1),
  })
  return { sum: Number(row?.sum ?? 0), count: Number(row?.count ?? 0) }
}

/** Aggregation pipelines, with `$lookup` reading the other collections of the store. */
import { Aggregator } from 'mingo'
import { TcbError } from '../protocol/tcbError'
import { isPlainObject, type Document } from './ejson'
import type { Store } from './store'

/** Like the cloud, a pipeline without `$limit` answers at most 20 documents. */
export const AGGREGATE_DEFAULT_LIMIT = 20
const UNSUPPORTED = new Set([
  '$collStats',
  '$facet',
  '$graphLookup',
  '$indexStats',
  '$out',
  '$redact',
  '$merge',
])

export function runPipeline(store: Store, collection: string, pipeline: Document[]): Document[] {
  for (const stage of pipeline) {
    const key = Object.keys(stage)[0] ?? ''
    if (Object.keys(stage).length !== 1 || UNSUPPORTED.has(key)) {
      throw new TcbError('DATABASE_REQUEST_FAILED', `unsupported aggregate stage: ${key}`)
    }
  }
  // A leading $match uses the indexes instead of reading the whole collection.
  const [first, ...rest] = pipeline
  const leadingMatch =
    first && isPlainObject(first['$match']) ? (first['$match'] as Document) : null
  const source = leadingMatch
    ? store.find(collection, { filter: leadingMatch })
    : store.all(collection)
  const stages = leadingMatch ? rest : pipeline
  const hasLimit = pipeline.some((stage) => '$limit' in stage)
  try {
    const aggregator = new Aggregator(
      hasLimit ? stages : [...stages, { $limit: AGGREGATE_DEFAULT_LIMIT }],
      {
        collectionResolver: (name: string) => store.all(name),
      },
    )
    return aggregator.run(source) as Document[]
  } catch (error) {
    if (error instanceof TcbError) throw error
    throw new TcbError('DATABASE_REQUEST_FAILED', (error as Error).message)
  }
}

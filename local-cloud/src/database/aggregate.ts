/** Aggregation pipelines, with `$lookup` reading the other collections of the store. */
import { TcbError } from '../protocol/tcbError'
import { isPlainObject, type Document } from './ejson'
import { aggregate } from './engine'
import { geoNearStage } from './geoNearStage'
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
  pipeline.forEach((stage, i) => {
    const key = Object.keys(stage)[0] ?? ''
    if (Object.keys(stage).length !== 1 || UNSUPPORTED.has(key)) {
      throw new TcbError('DATABASE_REQUEST_FAILED', `unsupported aggregate stage: ${key}`)
    }
    if (key === '$geoNear' && i > 0)
      throw new TcbError(
        'DATABASE_REQUEST_FAILED',
        '$geoNear is only valid as the first stage in a pipeline.',
      )
  })
  const [first, ...rest] = pipeline
  let source: Document[]
  let stages = pipeline
  if (first && '$geoNear' in first) {
    source = geoNearStage(store, collection, first['$geoNear'])
    stages = rest
  } else if (first && isPlainObject(first['$match'])) {
    // A leading $match uses the indexes instead of reading the whole collection.
    source = store.find(collection, { filter: first['$match'] })
    stages = rest
  } else {
    source = store.all(collection)
  }
  const hasLimit = pipeline.some((stage) => '$limit' in stage)
  return aggregate(
    source,
    hasLimit ? stages : [...stages, { $limit: AGGREGATE_DEFAULT_LIMIT }],
    (name: string) => store.all(name),
  )
}

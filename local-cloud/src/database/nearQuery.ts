/**
 * Finding the `$nearSphere` of a where-query, which sorts by distance and, as in MongoDB, needs a
 * 2dsphere index on its field ("$nearSphere requires a geospatial index", MongoDB manual,
 * $nearSphere). `$geoWithin` and `$geoIntersects` need none.
 */
import { TcbError } from '../protocol/tcbError'
import { isPlainObject, type Document } from './ejson'
import { distanceAt, nearSpec, type NearSpec } from './operators/geo'

export interface NearQuery {
  path: string
  spec: NearSpec
}

const NEAR = ['$nearSphere', '$near']

export function nearQueryOf(
  filter: Document,
  collection: string,
  geoPaths: Set<string>,
): NearQuery | null {
  const parts = Array.isArray(filter['$and'])
    ? [filter, ...(filter['$and'] as unknown[])]
    : [filter]
  for (const part of parts) {
    if (!isPlainObject(part)) continue
    for (const [path, condition] of Object.entries(part)) {
      if (path.startsWith('$') || !isPlainObject(condition)) continue
      const operator = NEAR.find((name) => name in condition)
      if (!operator) continue
      if (!geoPaths.has(path)) {
        throw new TcbError(
          'DATABASE_REQUEST_FAILED',
          `error processing query: ns=${collection} planner returned error :: caused by :: unable to find index for $geoNear query`,
        )
      }
      return { path, spec: nearSpec(condition[operator]) }
    }
  }
  return null
}

/** Nearest first; documents at the same distance keep their order. */
export function sortByDistance(docs: Document[], near: NearQuery): Document[] {
  return docs
    .map((doc, i) => ({ doc, i, meters: distanceAt(doc, near.path, near.spec) ?? Infinity }))
    .sort((a, b) => a.meters - b.meters || a.i - b.i)
    .map((entry) => entry.doc)
}

/**
 * Projections that name a field and a field inside it (`{ o: 1, 'o.a': 1 }`). MongoDB 4.4 and
 * later refuse them ("Path Collision Restrictions", MongoDB 4.4 compatibility notes); earlier
 * servers accept them and the lattermost of the two decides: the whole embedded document when it
 * comes after its fields, only the fields when they come after it. CloudBase answers such
 * projections (a published CCMiniCloud app projects `ACTIVITY_OBJ` and `ACTIVITY_OBJ.cover`
 * together and works in production), so it behaves as a server before 4.4: the local cloud
 * resolves the projection the same way before handing it to the matcher.
 */
import { isPlainObject, type Document } from './ejson'

/** The projection with each collision settled in favour of the lattermost path. */
export function resolveProjection(projection: Document): Document {
  const kept = new Map<string, unknown>()
  for (const [path, value] of flatten(projection, '')) {
    for (const earlier of [...kept.keys()]) {
      if (earlier.startsWith(`${path}.`) || path.startsWith(`${earlier}.`)) kept.delete(earlier)
    }
    kept.set(path, value)
  }
  return Object.fromEntries(kept)
}

/** Dotted paths of a projection, in order; a nested specification ({ o: { a: 1 } }) names o.a. */
function flatten(spec: Document, prefix: string): Array<[string, unknown]> {
  return Object.entries(spec).flatMap(([key, value]): Array<[string, unknown]> => {
    const path = prefix + key
    const nested =
      isPlainObject(value) &&
      Object.keys(value).length > 0 &&
      Object.keys(value).every((k) => !k.startsWith('$'))
    return nested ? flatten(value, `${path}.`) : [[path, value]]
  })
}

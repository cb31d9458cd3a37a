/**
 * The `$geoNear` stage ("Outputs documents in order of nearest to farthest from a specified
 * point", MongoDB manual, $geoNear): `near` a GeoJSON point (distances in meters) or a legacy
 * pair (distances in radians), `distanceField`, `spherical`, `minDistance`, `maxDistance`,
 * `query`, `key`, `includeLocs`, `distanceMultiplier`. Like MongoDB it needs a 2dsphere index,
 * and `key` when the collection has more than one.
 */
import { resolve, setValue } from 'mingo/util'
import type { ArrayOrObject } from 'mingo/types'
import { TcbError } from '../protocol/tcbError'
import { isPlainObject, type Document } from './ejson'
import { distanceAt, type NearSpec } from './operators/geo'
import { EARTH_RADIUS_METERS, position } from './geometry'
import type { Store } from './store'

function fail(message: string): never {
  throw new TcbError('DATABASE_REQUEST_FAILED', message)
}

export function geoNearStage(store: Store, collection: string, options: unknown): Document[] {
  if (!isPlainObject(options)) fail('$geoNear requires an object as its argument')
  const distanceField = options['distanceField']
  if (typeof distanceField !== 'string')
    fail("$geoNear requires a 'distanceField' option as a String")
  const near = options['near']
  const geoJson = isPlainObject(near)
  if (!geoJson && !Array.isArray(near)) fail("$geoNear requires a 'near' option as an Array")
  const center = position(geoJson ? near['coordinates'] : near)
  const key = geoKey(store, collection, options['key'])
  const meters = (value: unknown, name: string) => {
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'number' || value < 0) fail(`${name} must be a non-negative number`)
    // Legacy pairs measure in radians: turn the bound into meters like the distances.
    return geoJson ? value : value * EARTH_RADIUS_METERS
  }
  const spec: NearSpec = {
    center,
    minMeters: meters(options['minDistance'], 'minDistance') ?? 0,
    maxMeters: meters(options['maxDistance'], 'maxDistance') ?? Infinity,
  }
  const multiplier =
    typeof options['distanceMultiplier'] === 'number' ? options['distanceMultiplier'] : 1
  const filter = isPlainObject(options['query']) ? options['query'] : {}
  const found: Array<{ doc: Document; distance: number }> = []
  for (const doc of store.find(collection, { filter })) {
    const distance = distanceAt(doc, key, spec)
    if (distance === null || distance < spec.minMeters || distance > spec.maxMeters) continue
    found.push({ doc, distance })
  }
  found.sort((a, b) => a.distance - b.distance)
  return found.map(({ doc, distance }) => {
    const out = (geoJson ? distance : distance / EARTH_RADIUS_METERS) * multiplier
    setValue(doc, distanceField, out)
    if (typeof options['includeLocs'] === 'string')
      setValue(doc, options['includeLocs'], resolve(doc as ArrayOrObject, key))
    return doc
  })
}

function geoKey(store: Store, collection: string, key: unknown): string {
  const paths = store.geoPaths(collection)
  if (typeof key === 'string') {
    if (!paths.includes(key))
      fail(
        `error processing query: planner returned error :: caused by :: unable to find index for $geoNear query`,
      )
    return key
  }
  if (paths.length === 0) fail('$geoNear requires a 2d or 2dsphere index, but none were found')
  if (paths.length > 1)
    fail(`There is more than one 2dsphere index on ${collection}; unsure which to use for $geoNear`)
  return paths[0]!
}

/**
 * The geospatial query operators the SDK sends (`geoNear` → `$nearSphere`, `geoWithin` →
 * `$geoWithin` with `$geometry` or `$centerSphere`, `geoIntersects` → `$geoIntersects`). A field
 * holding several geometries (an array of points) matches when one of them does, as a multikey
 * 2dsphere index does. `$nearSphere` here only filters by its bounds: the store sorts by distance
 * and checks the 2dsphere index (store.ts), which an operator cannot see.
 */
import type { AnyObject, ArrayOrObject, Options } from 'mingo/types'
import { resolve } from 'mingo/util'
import { TcbError } from '../../protocol/tcbError'
import { isPlainObject } from '../ejson'
import {
  EARTH_RADIUS_METERS,
  angleTo,
  intersects,
  position,
  queryShape,
  shapeOf,
  withinCap,
  withinPolygons,
  type Shape,
} from '../geometry'

type Predicate = (doc: AnyObject) => boolean

function invalid(message: string): never {
  throw new TcbError('DATABASE_REQUEST_FAILED', message)
}

/** The geometries stored at a path: one, or each element of an array of them. */
export function shapesAt(doc: AnyObject, path: string): Shape[] {
  const value = resolve(doc as ArrayOrObject, path)
  const single = shapeOf(value)
  if (single) return [single]
  if (!Array.isArray(value)) return []
  return value.flatMap((item) => {
    const shape = shapeOf(item)
    return shape ? [shape] : []
  })
}

function $geoWithin(selector: string, value: unknown, _options?: Options): Predicate {
  if (!isPlainObject(value)) invalid('$geoWithin requires an object')
  if (value['$geometry'] !== undefined) {
    const area = queryShape(value['$geometry'])
    if (area.polygons.length === 0)
      invalid('$geoWithin $geometry must be a Polygon or MultiPolygon')
    return (doc) => shapesAt(doc, selector).some((shape) => withinPolygons(shape, area))
  }
  const sphere = value['$centerSphere']
  if (sphere !== undefined) {
    if (
      !Array.isArray(sphere) ||
      sphere.length !== 2 ||
      typeof sphere[1] !== 'number' ||
      sphere[1] < 0
    )
      invalid('$centerSphere requires [ [ <x>, <y> ], <radius in radians> ]')
    const center = position(sphere[0])
    const radians = sphere[1]
    return (doc) => shapesAt(doc, selector).some((shape) => withinCap(shape, center, radians))
  }
  return invalid(`unknown geo specifier: ${Object.keys(value)[0] ?? ''}`)
}

function $geoIntersects(selector: string, value: unknown, _options?: Options): Predicate {
  if (!isPlainObject(value) || value['$geometry'] === undefined)
    invalid('$geoIntersects requires a $geometry')
  const other = queryShape(value['$geometry'])
  return (doc) => shapesAt(doc, selector).some((shape) => intersects(shape, other))
}

export interface NearSpec {
  center: ReturnType<typeof position>
  minMeters: number
  maxMeters: number
}

/** `{ $geometry: Point, $minDistance?, $maxDistance? }`, distances in meters. */
export function nearSpec(value: unknown): NearSpec {
  if (!isPlainObject(value) || !isPlainObject(value['$geometry']))
    invalid('$nearSphere requires a GeoJSON point: { $geometry: { type: "Point", coordinates } }')
  const geometry = value['$geometry']
  if (geometry['type'] !== 'Point') invalid('$nearSphere requires a GeoJSON point')
  const bound = (key: string, fallback: number) => {
    const n = value[key]
    if (n === undefined || n === null) return fallback
    if (typeof n !== 'number' || n < 0) invalid(`${key} must be a non-negative number`)
    return n
  }
  return {
    center: position(geometry['coordinates']),
    minMeters: bound('$minDistance', 0),
    maxMeters: bound('$maxDistance', Infinity),
  }
}

/** Meters from the center to the nearest geometry at the path; null when there is none. */
export function distanceAt(doc: AnyObject, path: string, spec: NearSpec): number | null {
  const shapes = shapesAt(doc, path)
  if (shapes.length === 0) return null
  return Math.min(...shapes.map((shape) => angleTo(spec.center, shape))) * EARTH_RADIUS_METERS
}

function $nearSphere(selector: string, value: unknown, _options?: Options): Predicate {
  const spec = nearSpec(value)
  return (doc) => {
    const meters = distanceAt(doc, selector, spec)
    return meters !== null && meters >= spec.minMeters && meters <= spec.maxMeters
  }
}

export const geoOperators = { $geoWithin, $geoIntersects, $nearSphere, $near: $nearSphere }

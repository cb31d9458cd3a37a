/**
 * Spherical geometry for GeoJSON, as MongoDB's 2dsphere queries compute it: points are unit
 * vectors, edges great-circle arcs, distances angles times 6,378,100 m ("MongoDB uses ... the
 * radius of the Earth: 6378.1 kilometers", geospatial tutorial). The distance is S2's
 * (atan2 of |a×b| and a·b), to the last digit of the SDK's own test (6643.521654040738 m).
 */
import { TcbError } from '../protocol/tcbError'
import { isPlainObject } from './ejson'

export const EARTH_RADIUS_METERS = 6_378_100

type Vec = readonly [number, number, number]

/** A geometry as its parts: points, polylines, polygons (rings, the first the outer one). */
export interface Shape {
  points: Vec[]
  lines: Vec[][]
  polygons: Vec[][][]
}

const RAD = Math.PI / 180

function toVec(lng: number, lat: number): Vec {
  const phi = lat * RAD
  const theta = lng * RAD
  const cosPhi = Math.cos(phi)
  return [Math.cos(theta) * cosPhi, Math.sin(theta) * cosPhi, Math.sin(phi)]
}

const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
const cross = (a: Vec, b: Vec): Vec => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
]
const norm = (a: Vec) => Math.sqrt(dot(a, a))

/** The angle between two points, in radians. */
export function angle(a: Vec, b: Vec): number {
  return Math.atan2(norm(cross(a, b)), dot(a, b))
}

function invalid(message: string): never {
  throw new TcbError('DATABASE_REQUEST_FAILED', message)
}

/** A [lng, lat] pair, checked as MongoDB checks GeoJSON coordinates. */
export function position(value: unknown): Vec {
  if (!Array.isArray(value) || value.length < 2 || !value.every((n) => typeof n === 'number'))
    invalid(`Point must only contain numeric elements`)
  const [lng, lat] = value as [number, number]
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90)
    invalid(`longitude/latitude is out of bounds, lng: ${lng} lat: ${lat}`)
  return toVec(lng, lat)
}

function ring(value: unknown): Vec[] {
  if (!Array.isArray(value) || value.length < 4)
    invalid('Loop must have at least 3 different vertices')
  const vertices = value.map(position)
  // GeoJSON repeats the first vertex last; the arcs close the loop by themselves.
  return vertices.slice(0, -1)
}

/**
 * The parts of a GeoJSON geometry, or of a legacy [lng, lat] pair; null for anything that is
 * not a geometry (a document without one at the path is simply not matched).
 */
export function shapeOf(value: unknown): Shape | null {
  const shape: Shape = { points: [], lines: [], polygons: [] }
  if (Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number')) {
    shape.points.push(position(value))
    return shape
  }
  if (!isPlainObject(value) || typeof value['type'] !== 'string') return null
  const c = value['coordinates']
  const many = (v: unknown): unknown[] =>
    Array.isArray(v) ? v : invalid('coordinates must be an array')
  switch (value['type']) {
    case 'Point':
      shape.points.push(position(c))
      break
    case 'MultiPoint':
      shape.points.push(...many(c).map(position))
      break
    case 'LineString':
      shape.lines.push(many(c).map(position))
      break
    case 'MultiLineString':
      shape.lines.push(...many(c).map((line) => many(line).map(position)))
      break
    case 'Polygon':
      shape.polygons.push(many(c).map(ring))
      break
    case 'MultiPolygon':
      shape.polygons.push(...many(c).map((polygon) => many(polygon).map(ring)))
      break
    case 'GeometryCollection':
      for (const part of many(value['geometries'])) {
        const inner = shapeOf(part)
        if (!inner) return null
        shape.points.push(...inner.points)
        shape.lines.push(...inner.lines)
        shape.polygons.push(...inner.polygons)
      }
      break
    default:
      return null
  }
  return shape
}

/** A query's geometry: a geometry it cannot read is an error, not a mismatch. */
export function queryShape(value: unknown): Shape {
  return shapeOf(value) ?? invalid(`unknown GeoJSON type: ${JSON.stringify(value)}`)
}

function vertices(shape: Shape): Vec[] {
  return [...shape.points, ...shape.lines.flat(), ...shape.polygons.flat(2)]
}

function edges(shape: Shape): Array<[Vec, Vec]> {
  const out: Array<[Vec, Vec]> = []
  for (const line of shape.lines)
    for (let i = 1; i < line.length; i++) out.push([line[i - 1]!, line[i]!])
  for (const polygon of shape.polygons)
    for (const loop of polygon)
      for (let i = 0; i < loop.length; i++) out.push([loop[i]!, loop[(i + 1) % loop.length]!])
  return out
}

/**
 * Whether a point is inside a loop: the signed angles the loop's arcs subtend around the point
 * add up to a full turn inside and to nothing outside (loops smaller than a hemisphere, as
 * MongoDB's GeoJSON polygons are).
 */
function inLoop(p: Vec, loop: Vec[]): boolean {
  let turn = 0
  for (let i = 0; i < loop.length; i++) {
    const a = loop[i]!
    const b = loop[(i + 1) % loop.length]!
    turn += Math.atan2(dot(p, cross(a, b)), dot(a, b) - dot(p, a) * dot(p, b))
  }
  return Math.abs(turn) > Math.PI
}

function inPolygon(p: Vec, polygon: Vec[][]): boolean {
  const [outer, ...holes] = polygon
  return !!outer && inLoop(p, outer) && !holes.some((hole) => inLoop(p, hole))
}

/** Whether arcs ab and cd cross at a point inside both (S2's SimpleCrossing). */
function arcsCross(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  const ab = cross(a, b)
  const acb = -dot(ab, c)
  const bda = dot(ab, d)
  if (acb * bda <= 0) return false
  const cd = cross(c, d)
  const cbd = -dot(cd, b)
  const dac = dot(cd, a)
  return acb * cbd > 0 && acb * dac > 0
}

/** The angle from a point to the nearest point of an arc. */
function angleToArc(p: Vec, a: Vec, b: Vec): number {
  const n = cross(a, b)
  const length = norm(n)
  if (length > 0) {
    // The foot of p on the arc's great circle lies inside the arc when it is on the inner side
    // of both ends.
    const inside = dot(cross(n, a), p) >= 0 && dot(cross(b, n), p) >= 0
    if (inside) return Math.abs(Math.asin(Math.min(1, Math.abs(dot(p, n)) / length)))
  }
  return Math.min(angle(p, a), angle(p, b))
}

/** Radians from a point to the nearest part of a shape (0 inside its polygons). */
export function angleTo(p: Vec, shape: Shape): number {
  if (shape.polygons.some((polygon) => inPolygon(p, polygon))) return 0
  let best = Infinity
  for (const q of shape.points) best = Math.min(best, angle(p, q))
  for (const [a, b] of edges(shape)) best = Math.min(best, angleToArc(p, a, b))
  return best
}

/** $geoWithin $geometry: every vertex inside the polygons (exact for points and convex areas). */
export function withinPolygons(shape: Shape, area: Shape): boolean {
  return vertices(shape).every((v) => area.polygons.some((polygon) => inPolygon(v, polygon)))
}

/** $geoWithin $centerSphere: a cap is convex, so the vertices decide. */
export function withinCap(shape: Shape, center: Vec, radians: number): boolean {
  return vertices(shape).every((v) => angle(v, center) <= radians)
}

/** $geoIntersects: shared points, crossing arcs, or one inside the other's area. */
export function intersects(a: Shape, b: Shape): boolean {
  const touches = (x: Shape, y: Shape) =>
    vertices(x).some((v) => angleTo(v, y) < 1e-12) ||
    (y.polygons.length > 0 && vertices(x).some((v) => y.polygons.some((p) => inPolygon(v, p))))
  if (touches(a, b) || touches(b, a)) return true
  const edgesA = edges(a)
  const edgesB = edges(b)
  return edgesA.some(([p, q]) => edgesB.some(([r, s]) => arcsCross(p, q, r, s)))
}

/**
 * Conformance: geo data and geo queries as CloudBase answers them, through the SDK's Geo types
 * and commands. Collections with a 2dsphere index are declared as a project declares them
 * (fixtures/geoSchema).
 */
import * as path from 'node:path'
import { startTestCloud, type TestCloud } from './support/testCloud'
import { rejectionOf } from './support/wxServerSdk'

let t: TestCloud
let db: any
let _: any
let Geo: any

beforeAll(async () => {
  t = await startTestCloud({ schemaDir: path.join(__dirname, 'fixtures/geoSchema') })
  db = t.db
  _ = db.command
  Geo = db.Geo
})
afterAll(() => t.cloud.close())
beforeEach(() => t.cloud.store.clear())

const square = (size: number) =>
  new Geo.Polygon([
    new Geo.LineString([
      new Geo.Point(-size, -size),
      new Geo.Point(size, -size),
      new Geo.Point(size, size),
      new Geo.Point(-size, size),
      new Geo.Point(-size, -size),
    ]),
  ])

describe('geo values', () => {
  /*
   * The SDK's own test "GEO Advanced - CRUD" (test/database/unit/geo-advanced.test.ts) stores a
   * Point, LineString, Polygon (with a hole), MultiPoint, MultiLineString and MultiPolygon and
   * reads each back as an instance of its Geo class, deep-equal to what it stored. CloudBase
   * keeps them as GeoJSON, which the SDK sends and turns back into Geo objects.
   */
  it('stores every Geo type as GeoJSON and the SDK reads each back as its Geo class', async () => {
    const { Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon } = Geo
    const inner = new LineString([
      new Point(-1, -1),
      new Point(1, -1),
      new Point(1, 1),
      new Point(-1, 1),
      new Point(-1, -1),
    ])
    const data = {
      point: new Point(113.3, 23.1),
      line: new LineString([new Point(0, 0), new Point(1, 1)]),
      polygon: new Polygon([square(2).lines[0], inner]),
      multiPoint: new MultiPoint([new Point(1, 2), new Point(3, 4)]),
      multiLineString: new MultiLineString([
        new LineString([new Point(0, 0), new Point(1, 1)]),
        new LineString([new Point(2, 2), new Point(3, 3)]),
      ]),
      multiPolygon: new MultiPolygon([square(2), new Polygon([inner])]),
    }
    await db.collection('places').add({ data: { _id: 'all', ...data } })
    const stored = JSON.parse(t.cloud.store.getTextById('places', 'all')!)
    expect(stored.point).toEqual({ type: 'Point', coordinates: [113.3, 23.1] })
    expect(stored.polygon.coordinates).toHaveLength(2)
    const { data: read } = await db.collection('places').doc('all').get()
    for (const [field, value] of Object.entries(data)) {
      expect(read[field]).toBeInstanceOf((value as object).constructor)
      expect(read[field]).toEqual(value)
    }
  })
})

describe('geo queries', () => {
  beforeEach(async () => {
    await db.collection('places').add({
      data: [
        { _id: 'origin', location: new Geo.Point(0, 0) },
        { _id: 'east-1km', location: new Geo.Point(0.009, 0) },
        { _id: 'north-5km', location: new Geo.Point(0, 0.045) },
        { _id: 'far', location: new Geo.Point(10, 10) },
        { _id: 'none' },
      ],
    })
  })
  const ids = (result: { data: Array<{ _id: string }> }) => result.data.map((d) => d._id)

  /*
   * MongoDB manual, $nearSphere: "Specifies a point for which a geospatial query returns the
   * documents from nearest to farthest ... $minDistance / $maxDistance: distance in meters" for a
   * GeoJSON point. The SDK's `geoNear` sends $nearSphere with $geometry, $maxDistance, $minDistance.
   */
  it('geoNear answers nearest first, within maxDistance and beyond minDistance (meters)', async () => {
    const near = (options: object) =>
      db
        .collection('places')
        .where({ location: _.geoNear({ geometry: new Geo.Point(0, 0), ...options }) })
        .get()
    expect(ids(await near({}))).toEqual(['origin', 'east-1km', 'north-5km', 'far'])
    expect(ids(await near({ maxDistance: 2000 }))).toEqual(['origin', 'east-1km'])
    expect(ids(await near({ minDistance: 500, maxDistance: 6000 }))).toEqual([
      'east-1km',
      'north-5km',
    ])
  })

  /*
   * MongoDB manual, $geoWithin: "Selects documents with geospatial data that exists entirely within
   * a specified shape", a GeoJSON Polygon ($geometry) or "$centerSphere: [ [ <x>, <y> ], <radius> ]
   * ... the radius measured in radians" (the SDK's own test divides kilometers by 6378.1).
   */
  it('geoWithin selects the points inside a polygon or a spherical circle', async () => {
    const inSquare = await db
      .collection('places')
      .where({ location: _.geoWithin({ geometry: square(0.02) }) })
      .orderBy('_id', 'asc')
      .get()
    expect(ids(inSquare)).toEqual(['east-1km', 'origin'])
    const inCircle = await db
      .collection('places')
      .where({ location: _.geoWithin({ centerSphere: [new Geo.Point(0, 0), 6 / 6378.1] }) })
      .orderBy('_id', 'asc')
      .get()
    expect(ids(inCircle)).toEqual(['east-1km', 'north-5km', 'origin'])
    const asPair = await db
      .collection('places')
      .where({ location: _.geoWithin({ centerSphere: [[0, 0], 2 / 6378.1] }) })
      .count()
    expect(asPair.total).toBe(2)
  })

  /*
   * MongoDB manual, $geoIntersects: "Selects documents whose geospatial data intersects with a
   * specified GeoJSON object".
   */
  it('geoIntersects selects the geometries that meet the given one', async () => {
    await db.collection('places').add({
      data: [
        { _id: 'road', location: new Geo.LineString([new Geo.Point(-1, 5), new Geo.Point(1, 5)]) },
        { _id: 'park', location: square(0.5) },
      ],
    })
    const crossing = new Geo.LineString([new Geo.Point(0, 4), new Geo.Point(0, 6)])
    expect(
      ids(
        await db
          .collection('places')
          .where({ location: _.geoIntersects({ geometry: crossing }) })
          .get(),
      ),
    ).toEqual(['road'])
    const overPark = new Geo.Polygon([
      new Geo.LineString([
        new Geo.Point(0.4, 0.4),
        new Geo.Point(3, 0.4),
        new Geo.Point(3, 3),
        new Geo.Point(0.4, 3),
        new Geo.Point(0.4, 0.4),
      ]),
    ])
    expect(
      ids(
        await db
          .collection('places')
          .where({ location: _.geoIntersects({ geometry: overPark }) })
          .orderBy('_id', 'asc')
          .get(),
      ),
    ).toEqual(['park'])
  })

  /*
   * MongoDB manual, $nearSphere: "$nearSphere requires a geospatial index", and $geoNear: "requires
   * a geospatial index ... If you have more than one geospatial index on the collection, use the
   * key parameter". Without one MongoDB fails the query; CloudBase passes that on as
   * DATABASE_REQUEST_FAILED.
   */
  it('fails a near query on a field without a 2dsphere index', async () => {
    await db.collection('unindexed').add({ data: { _id: 'u', location: new Geo.Point(0, 0) } })
    const query = await rejectionOf(
      db
        .collection('unindexed')
        .where({ location: _.geoNear({ geometry: new Geo.Point(0, 0) }) })
        .get(),
    )
    expect(query).toMatchObject({ errCode: -502001 })
    expect(String(query['errMsg'])).toContain('unable to find index for $geoNear query')
    const stage = await rejectionOf(
      db
        .collection('unindexed')
        .aggregate()
        .geoNear({ near: new Geo.Point(0, 0), distanceField: 'd', spherical: true })
        .end(),
    )
    expect(String(stage['errMsg'])).toContain('$geoNear requires a 2d or 2dsphere index')
    const ambiguous = await rejectionOf(
      db
        .collection('twoGeo')
        .aggregate()
        .geoNear({ near: new Geo.Point(0, 0), distanceField: 'd', spherical: true })
        .end(),
    )
    expect(String(ambiguous['errMsg'])).toContain('more than one 2dsphere index')
    // $geoWithin needs no index ("$geoWithin does not require a geospatial index").
    const within = await db
      .collection('unindexed')
      .where({ location: _.geoWithin({ centerSphere: [[0, 0], 0.01] }) })
      .count()
    expect(within.total).toBe(1)
  })
})

describe('the $geoNear stage', () => {
  /*
   * The SDK's own test "geoNear" (test/database/unit/aggregation.test.ts), run against CloudBase:
   * with these four attractions, near (113.3089506, 23.0968251), `query: { city: /zhou/, date:
   * _.lt(date) }`, `distanceField: 'distance'`, `spherical: true`, `key: 'location'`, it expects
   * exactly one result, Hangzhou's, at `distance === 6643.521654040738` meters.
   */
  it('answers the distance CloudBase answers, to the last digit, nearest first', async () => {
    const date = new Date()
    await db.collection('attractions').add({
      data: [
        {
          _id: 'geoNear.0',
          city: 'Guangzhou',
          date,
          location: { type: 'Point', coordinates: [113.30593, 23.1361155] },
          name: 'Canton Tower',
        },
        {
          _id: 'geoNear.1',
          city: 'Hangzhou',
          date: new Date(date.getTime() - 1000),
          location: { type: 'Point', coordinates: [113.306789, 23.1564721] },
          name: 'Baiyun Mountain',
        },
        {
          _id: 'geoNear.2',
          city: 'Beijing',
          date: new Date(date.getTime() + 1000),
          location: { type: 'Point', coordinates: [116.3949659, 39.9163447] },
          name: 'The Palace Museum',
        },
        {
          _id: 'geoNear.3',
          city: 'Beijing',
          location: { type: 'Point', coordinates: [116.2328567, 40.242373] },
          name: 'Great Wall',
        },
      ],
    })
    const near = new Geo.Point(113.3089506, 23.0968251)
    const { list } = await db
      .collection('attractions')
      .aggregate()
      .geoNear({
        distanceField: 'distance',
        spherical: true,
        near,
        query: { city: /zhou/, date: _.lt(date) },
        key: 'location',
        includeLocs: 'location',
      })
      .end()
    expect(list.map((row: any) => [row.city, row.distance])).toEqual([
      ['Hangzhou', 6643.521654040738],
    ])

    const all = await db
      .collection('attractions')
      .aggregate()
      .geoNear({ near, distanceField: 'how.far', spherical: true, maxDistance: 100_000 })
      .project({ _id: 1, far: '$how.far' })
      .end()
    expect(all.list.map((row: any) => row._id)).toEqual(['geoNear.0', 'geoNear.1'])
    expect(all.list[0].far).toBeLessThan(all.list[1].far)
  })
})

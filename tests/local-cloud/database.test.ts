/**
 * Conformance: the real wx-server-sdk against the local cloud, asserting production's shapes
 * and edge cases (local-cloud/PROTOCOL.md「Database」,「Database: Production's limits」).
 */
import { startTestCloud, type TestCloud } from './support/testCloud'

let t: TestCloud

let db: any

let _: any

beforeAll(async () => {
  t = await startTestCloud()
  db = t.db
  _ = db.command
  for (const name of ['todos', 'people', 'orders', 'empty']) await db.createCollection(name)
})
afterAll(() => t.cloud.close())
beforeEach(() => t.cloud.store.clear())

async function seedTodos(n: number) {
  const data = Array.from({ length: n }, (_unused, i) => ({
    _id: `t${String(i).padStart(4, '0')}`,
    n: i,
    title: `todo ${i}`,
    done: i % 2 === 0,
  }))
  await db.collection('todos').add({ data })
}

describe('collections', () => {
  it('answers -502005 for a collection that does not exist, on every operation', async () => {
    const ghost = db.collection('ghost')
    await expect(ghost.get()).rejects.toMatchObject({ errCode: -502005 })
    await expect(ghost.add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 })
    await expect(ghost.doc('x').set({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 })
    await expect(ghost.where({}).count()).rejects.toMatchObject({ errCode: -502005 })
    await expect(ghost.aggregate().match({}).end()).rejects.toMatchObject({ errCode: -1 })
    expect(t.cloud.store.hasCollection('ghost')).toBe(false)
  })

  it('creates a collection once; a second create fails', async () => {
    await db.createCollection('fresh')
    await expect(db.collection('fresh').get()).resolves.toMatchObject({ data: [] })
    await expect(db.createCollection('fresh')).rejects.toMatchObject({ errCode: -1 })
  })
})

describe('documents', () => {
  it('adds one document and reads it back with Dates intact, without adding _openid', async () => {
    const due = new Date('2026-11-26T06:20:51.123Z')
    const { _id } = await db
      .collection('todos')
      .add({ data: { title: '修楼道灯', due, tags: ['灯'] } })
    expect(_id).toMatch(/^[0-9a-f]{32}$/)
    const { data } = await db.collection('todos').doc(_id).get()
    expect(data).toEqual({ _id, title: '修楼道灯', due, tags: ['灯'] })
    expect(data.due).toBeInstanceOf(Date)
  })

  it('adds many documents at once and answers their ids', async () => {
    const result = await db.collection('todos').add({ data: [{ a: 1 }, { _id: 'mine', a: 2 }] })
    expect(result._ids).toHaveLength(2)
    expect(result._ids[1]).toBe('mine')
  })

  it('gives new documents distinct ids that grow with time, as ObjectIds do', async () => {
    const { _ids } = await db
      .collection('todos')
      .add({ data: Array.from({ length: 50 }, () => ({})) })
    const { _id: later } = await db.collection('todos').add({ data: {} })
    const ids = [..._ids, later]
    expect(new Set(ids).size).toBe(51)
    expect([...ids].sort()).toEqual(ids)
    const seconds = parseInt(later.slice(0, 8), 16)
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(60)
  })

  it('refuses a duplicate _id with a duplicate-key error and writes nothing', async () => {
    await db.collection('todos').add({ data: { _id: 'same', v: 1 } })
    await expect(
      db.collection('todos').add({ data: [{ _id: 'other' }, { _id: 'same', v: 2 }] }),
    ).rejects.toMatchObject({
      errMsg: expect.stringContaining('duplicate key'),
    })
    expect((await db.collection('todos').doc('same').get()).data.v).toBe(1)
    expect((await db.collection('todos').doc('other').get()).data).toBeNull()
  })

  it('answers null for a missing document with throwOnNotFound: false, and throws without it', async () => {
    expect(await db.collection('todos').doc('missing').get()).toMatchObject({ data: null })
    const strict = t.sdk.database()
    await expect(strict.collection('todos').doc('missing').get()).rejects.toMatchObject({
      errCode: -1,
      errMsg: expect.stringContaining('does not exist'),
    })
  })

  it('sets (replaces or creates) a document and reports created vs updated', async () => {
    const created = await db
      .collection('todos')
      .doc('s1')
      .set({ data: { a: 1, b: 2 } })
    expect(created.stats).toEqual({ updated: 0, created: 1 })
    const replaced = await db
      .collection('todos')
      .doc('s1')
      .set({ data: { a: 3 } })
    expect(replaced.stats).toEqual({ updated: 1, created: 0 })
    expect((await db.collection('todos').doc('s1').get()).data).toEqual({ _id: 's1', a: 3 })
  })

  it('updates nested fields as dotted paths, replaces with _.set, drops undefined and removes with _.remove', async () => {
    await db
      .collection('todos')
      .add({ data: { _id: 'u1', meta: { a: 1, b: 2 }, keep: 1, gone: 1 } })
    await db
      .collection('todos')
      .doc('u1')
      .update({ data: { meta: { a: 9 }, keep: undefined, gone: _.remove() } })
    expect((await db.collection('todos').doc('u1').get()).data).toEqual({
      _id: 'u1',
      meta: { a: 9, b: 2 },
      keep: 1,
    })
    await db
      .collection('todos')
      .doc('u1')
      .update({ data: { meta: _.set({ c: 3 }) } })
    expect((await db.collection('todos').doc('u1').get()).data.meta).toEqual({ c: 3 })
  })

  it('reports stats.updated and stats.removed, 0 when nothing matched', async () => {
    await seedTodos(10)
    expect(
      (
        await db
          .collection('todos')
          .where({ done: true })
          .update({ data: { flag: 1 } })
      ).stats,
    ).toEqual({ updated: 5 })
    expect(
      (
        await db
          .collection('todos')
          .where({ n: 999 })
          .update({ data: { flag: 1 } })
      ).stats,
    ).toEqual({ updated: 0 })
    expect(
      (
        await db
          .collection('todos')
          .doc('nope')
          .update({ data: { flag: 1 } })
      ).stats,
    ).toEqual({ updated: 0 })
    expect(
      (
        await db
          .collection('todos')
          .where({ n: _.gte(8) })
          .remove()
      ).stats,
    ).toEqual({ removed: 2 })
    expect((await db.collection('todos').doc('t0000').remove()).stats).toEqual({ removed: 1 })
    expect((await db.collection('todos').count()).total).toBe(7)
  })

  it('stores serverDate as the server’s time, with an offset', async () => {
    const before = Date.now()
    await db
      .collection('todos')
      .add({ data: { _id: 'd1', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } })
    const { data } = await db.collection('todos').doc('d1').get()
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before)
    expect(data.later.getTime() - data.at.getTime()).toBe(60_000)
    await db
      .collection('todos')
      .doc('d1')
      .update({ data: { list: [{ at: db.serverDate() }] } })
    expect((await db.collection('todos').doc('d1').get()).data.list[0].at).toBeInstanceOf(Date)
  })

  it('refuses a document over 16 MB', async () => {
    const big = 'x'.repeat(17 * 1024 * 1024)
    await expect(db.collection('todos').add({ data: { big } })).rejects.toMatchObject({
      errCode: expect.any(Number),
    })
    expect((await db.collection('todos').count()).total).toBe(0)
  })
})

describe('queries', () => {
  it('reads 100 rows by default and at most 1000', async () => {
    await seedTodos(1100)
    expect((await db.collection('todos').get()).data).toHaveLength(100)
    expect((await db.collection('todos').limit(5000).get()).data).toHaveLength(1000)
    expect((await db.collection('todos').count()).total).toBe(1100)
  })

  it('filters, orders, skips, limits and projects', async () => {
    await seedTodos(30)
    const { data } = await db
      .collection('todos')
      .where({ done: false, n: _.gt(5).and(_.lt(20)), title: /^TODO 1/i })
      .orderBy('n', 'desc')
      .skip(1)
      .limit(3)
      .field({ n: true })
      .get()
    expect(data).toEqual([
      { _id: 't0017', n: 17 },
      { _id: 't0015', n: 15 },
      { _id: 't0013', n: 13 },
    ])
  })

  it('supports every query command', async () => {
    await db.collection('people').add({
      data: [
        {
          _id: 'a',
          age: 70,
          tags: ['党员', '志愿者'],
          scores: [{ k: 'x', v: 5 }],
          room: '301',
          phone: null,
        },
        { _id: 'b', age: 35, tags: ['志愿者'], scores: [{ k: 'x', v: 2 }], room: '402' },
        { _id: 'c', age: 8, tags: [], scores: [], room: '101', nick: '小明' },
      ],
    })
    const ids = async (where: unknown) =>
      (await db.collection('people').where(where).orderBy('_id', 'asc').get()).data.map(
        (d: { _id: string }) => d._id,
      )
    expect(await ids({ age: _.eq(35) })).toEqual(['b'])
    expect(await ids({ age: _.neq(35) })).toEqual(['a', 'c'])
    expect(await ids({ age: _.lte(35) })).toEqual(['b', 'c'])
    expect(await ids({ age: _.in([8, 70]) })).toEqual(['a', 'c'])
    expect(await ids({ age: _.nin([8, 70]) })).toEqual(['b'])
    expect(await ids(_.or([{ age: 8 }, { room: '402' }]))).toEqual(['b', 'c'])
    expect(await ids(_.and([{ age: _.gt(10) }, { tags: '党员' }]))).toEqual(['a'])
    expect(await ids(_.nor([{ age: 8 }, { room: '402' }]))).toEqual(['a'])
    expect(await ids({ age: _.not(_.gt(30)) })).toEqual(['c'])
    expect(await ids({ nick: _.exists(true) })).toEqual(['c'])
    expect(await ids({ tags: _.size(2) })).toEqual(['a'])
    expect(await ids({ scores: _.elemMatch({ v: _.gt(3) }) })).toEqual(['a'])
    expect(await ids({ tags: _.all(['志愿者']) })).toEqual(['a', 'b'])
    expect(await ids({ room: db.RegExp({ regexp: '^[34]', options: 'i' }) })).toEqual(['a', 'b'])
    expect(await ids({ phone: null })).toEqual(['a', 'b', 'c'])
  })
})

describe('update commands', () => {
  it('applies every update command', async () => {
    await db
      .collection('people')
      .add({ data: { _id: 'p', n: 5, m: 3, arr: [1, 2, 3], set: [1], old: 'x', lo: 5, hi: 5 } })
    await db
      .collection('people')
      .doc('p')
      .update({
        data: {
          n: _.inc(2),
          m: _.mul(3),
          arr: _.push({ each: [9, 8], position: 0, slice: 4 }),
          set: _.addToSet(2),
          old: _.rename('renamed'),
          lo: _.min(1),
          hi: _.max(10),
          gone: _.remove(),
        },
      })
    expect((await db.collection('people').doc('p').get()).data).toEqual({
      _id: 'p',
      n: 7,
      m: 9,
      arr: [9, 8, 1, 2],
      set: [1, 2],
      renamed: 'x',
      lo: 1,
      hi: 10,
    })

    await db
      .collection('people')
      .doc('p')
      .update({ data: { arr: _.pull(8), set: _.pullAll([1]) } })
    await db
      .collection('people')
      .doc('p')
      .update({ data: { arr: _.pop() } })
    await db
      .collection('people')
      .doc('p')
      .update({ data: { arr: _.shift() } })
    await db
      .collection('people')
      .doc('p')
      .update({ data: { arr: _.unshift([0]), set: _.addToSet({ $each: [2, 3, 3] }) } })
    const { data } = await db.collection('people').doc('p').get()
    expect(data.arr).toEqual([0, 1])
    expect(data.set).toEqual([2, 3])
  })

  it('refuses to change _id', async () => {
    await db.collection('people').add({ data: { _id: 'fixed' } })
    await expect(
      db
        .collection('people')
        .doc('fixed')
        .update({ data: { _id: 'other' } }),
    ).rejects.toMatchObject({ errCode: expect.any(Number) })
  })
})

describe('aggregate', () => {
  beforeEach(async () => {
    await db.collection('orders').add({
      data: [
        { _id: 'o1', building: 'b1', fen: 3000, items: ['a', 'b'] },
        { _id: 'o2', building: 'b1', fen: 2000, items: ['a'] },
        { _id: 'o3', building: 'b2', fen: 5000, items: [] },
      ],
    })
    await db.collection('people').add({
      data: [
        { _id: 'b1', name: '17号楼' },
        { _id: 'b2', name: '18号楼' },
      ],
    })
  })

  it('matches, groups, sorts, projects and looks up', async () => {
    const $ = db.command.aggregate
    const { list } = await db
      .collection('orders')
      .aggregate()
      .match({ fen: _.gt(1000) })
      .group({ _id: '$building', total: $.sum('$fen'), n: $.sum(1) })
      .sort({ total: -1 })
      .lookup({ from: 'people', localField: '_id', foreignField: '_id', as: 'building' })
      .addFields({ name: $.arrayElemAt(['$building.name', 0]) })
      .project({ building: 0 })
      .limit(10)
      .end()
    expect(list).toEqual([
      { _id: 'b1', total: 5000, n: 2, name: '17号楼' },
      { _id: 'b2', total: 5000, n: 1, name: '18号楼' },
    ])
  })

  it('unwinds, counts, sortByCount, skips, and defaults to 20 rows without a limit', async () => {
    const unwound = await db
      .collection('orders')
      .aggregate()
      .unwind('$items')
      .sortByCount('$items')
      .end()
    expect(unwound.list).toEqual([
      { _id: 'a', count: 2 },
      { _id: 'b', count: 1 },
    ])
    expect((await db.collection('orders').aggregate().match({}).count('n').end()).list).toEqual([
      { n: 3 },
    ])
    expect(
      (await db.collection('orders').aggregate().sort({ fen: 1 }).skip(1).limit(1).end()).list[0]
        ._id,
    ).toBe('o1')
    await db.collection('todos').add({ data: Array.from({ length: 30 }, (_u, i) => ({ i })) })
    expect((await db.collection('todos').aggregate().match({}).end()).list).toHaveLength(20)
  })
})

describe('atomic conditional updates', () => {
  it('lets exactly 50 of 200 concurrent capacity-checked increments succeed', async () => {
    await db.collection('todos').add({ data: { _id: 'cap', n: 0 } })
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        db
          .collection('todos')
          .where({ _id: 'cap', n: _.lt(50) })
          .update({ data: { n: _.inc(1) } }),
      ),
    )
    expect(
      results.filter((r: { stats: { updated: number } }) => r.stats.updated === 1),
    ).toHaveLength(50)
    expect((await db.collection('todos').doc('cap').get()).data.n).toBe(50)
  })
})

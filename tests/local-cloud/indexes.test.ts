/** Collections and indexes declared in a schema folder: created at start, unique ones enforced. */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Store } from '../../local-cloud/src/database/store'
import { startTestCloud, type TestCloud } from './support/testCloud'

let t: TestCloud

let db: any
const schemaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-schema-'))

beforeAll(async () => {
  fs.writeFileSync(
    path.join(schemaDir, 'signups.json'),
    JSON.stringify({
      name: 'signups',
      indexes: [
        { name: 'project_user', keys: { projectId: 1, openid: 1 }, unique: true },
        { name: 'project_created', keys: { projectId: 1, createdAt: -1 } },
        { name: 'tags', keys: { tags: 1 } },
      ],
    }),
  )
  fs.writeFileSync(path.join(schemaDir, 'notes.json'), JSON.stringify({ name: 'notes' }))
  fs.writeFileSync(
    path.join(schemaDir, 'ranks.json'),
    JSON.stringify({ name: 'ranks', indexes: [{ name: 'rank', keys: { 'meta.rank': 1 } }] }),
  )
  t = await startTestCloud({ schemaDir })
  db = t.db
})
afterAll(async () => {
  await t.cloud.close()
  fs.rmSync(schemaDir, { recursive: true, force: true })
})
beforeEach(() => t.cloud.store.clear())

describe('declared collections and indexes', () => {
  it('creates the declared collections at start', async () => {
    expect(t.cloud.store.listCollections()).toEqual(['notes', 'ranks', 'signups'])
    await expect(db.collection('notes').count()).resolves.toMatchObject({ total: 0 })
  })

  it('enforces a unique index with a duplicate-key error, under concurrency too', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        db.collection('signups').add({ data: { projectId: 'p1', openid: 'oA' } }),
      ),
    )
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1)
    const refused = attempts.find((a) => a.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason.errCode).toBe(-502001)
    expect(refused.reason.errMsg).toContain(
      'E11000 duplicate key error collection: signups index: project_user',
    )
    await db.collection('signups').add({ data: { projectId: 'p1', openid: 'oB' } })
    expect((await db.collection('signups').count()).total).toBe(2)
  })

  it('serves equality, ranges and ordering through an index exactly as a scan would', async () => {
    const base = Date.parse('2026-11-01T00:00:00Z')
    await db.collection('signups').add({
      data: Array.from({ length: 60 }, (_u, i) => ({
        projectId: `p${i % 3}`,
        openid: `o${i}`,
        createdAt: new Date(base + i * 3_600_000),
        rank: i % 7,
      })),
    })
    const indexed = await db
      .collection('signups')
      .where({ projectId: 'p1' })
      .orderBy('createdAt', 'desc')
      .limit(5)
      .get()
    expect(indexed.data.map((d: { openid: string }) => d.openid)).toEqual([
      'o58',
      'o55',
      'o52',
      'o49',
      'o46',
    ])
    const range = await db
      .collection('signups')
      .where({ projectId: 'p2', createdAt: db.command.gte(new Date(base + 50 * 3_600_000)) })
      .orderBy('createdAt', 'asc')
      .get()
    expect(range.data.map((d: { openid: string }) => d.openid)).toEqual([
      'o50',
      'o53',
      'o56',
      'o59',
    ])
    // A range on a number must not match other types (Mongo compares within a type).
    await db
      .collection('signups')
      .add({ data: { projectId: 'p1', openid: 'str', createdAt: 'not a date' } })
    const dates = await db
      .collection('signups')
      .where({ projectId: 'p1', createdAt: db.command.gt(new Date(0)) })
      .count()
    expect(dates.total).toBe(20)
    const plan = t.cloud.store.db
      .prepare('EXPLAIN QUERY PLAN SELECT data FROM "c_signups" WHERE "k:projectId" = ?')
      .all(Buffer.from([0x20])) as Array<{ detail: string }>
    expect(plan.map((row) => row.detail).join(' ')).toMatch(
      /USING INDEX i_signups_project_(user|created)/,
    )
  })

  it('still matches array elements on an indexed path once arrays appear there', async () => {
    await db.collection('signups').add({
      data: [
        { projectId: 'x', openid: '1', tags: 'solo' },
        { projectId: 'x', openid: '2', tags: ['solo', 'duo'] },
      ],
    })
    const { data } = await db
      .collection('signups')
      .where({ tags: 'solo' })
      .orderBy('openid', 'asc')
      .get()
    expect(data.map((d: { openid: string }) => d.openid)).toEqual(['1', '2'])
  })
})

it('keeps index keys right through updates that change an indexed field and ones that do not', async () => {
  const signups = db.collection('signups')
  const _ = db.command
  const { _id } = await signups.add({ data: { projectId: 'a', openid: 'o1', n: 0 } })
  await signups.add({ data: { projectId: 'a', openid: 'o2', n: 0 } })
  const openidsOf = async (projectId: string): Promise<string[]> =>
    (await signups.where({ projectId }).orderBy('openid', 'asc').get()).data.map(
      (d: { openid: string }) => d.openid,
    )

  await signups.doc(_id).update({ data: { n: _.inc(1) } })
  expect(await openidsOf('a')).toEqual(['o1', 'o2'])
  await signups.doc(_id).update({ data: { projectId: 'b' } })
  expect(await openidsOf('a')).toEqual(['o2'])
  expect(await openidsOf('b')).toEqual(['o1'])
  await signups.where({ openid: 'o2' }).update({ data: { projectId: 'b', n: _.inc(1) } })
  expect(await openidsOf('a')).toEqual([])
  expect(await openidsOf('b')).toEqual(['o1', 'o2'])
  // The unique index sees the new keys: moving o1 onto (b, o2) is a duplicate.
  await expect(signups.doc(_id).update({ data: { openid: 'o2' } })).rejects.toMatchObject({
    errCode: -502001,
  })
  expect(await openidsOf('b')).toEqual(['o1', 'o2'])
})

it('keeps a nested index key right when an update replaces the object around it', async () => {
  const ranks = db.collection('ranks')
  const { _id } = await ranks.add({ data: { meta: { rank: 1, note: 'a' } } })
  const rankedAt = async (rank: number): Promise<number> =>
    (await ranks.where({ 'meta.rank': rank }).get()).data.length
  await ranks.doc(_id).update({ data: { meta: db.command.set({ rank: 2 }) } })
  expect([await rankedAt(1), await rankedAt(2)]).toEqual([0, 1])
  await ranks.doc(_id).update({ data: { 'meta.note': 'b' } })
  expect([await rankedAt(1), await rankedAt(2)]).toEqual([0, 1])
  await ranks.doc(_id).update({ data: { meta: db.command.remove() } })
  expect(await rankedAt(2)).toBe(0)
  expect((await ranks.where({ 'meta.rank': null }).get()).data).toHaveLength(1)
})

describe('planning $and', () => {
  it('narrows by the indexed parts of an $and and still answers exactly', async () => {
    await db.collection('signups').add({
      data: Array.from({ length: 30 }, (_u, i) => ({
        projectId: `q${i % 3}`,
        openid: `a${i}`,
        n: i,
      })),
    })
    t.cloud.store.unindexedQueries.length = 0
    const _ = db.command
    const { data } = await db
      .collection('signups')
      .where(_.and([{ projectId: 'q1' }, _.or([{ n: _.lt(5) }, { n: 28 }])]))
      .get()
    expect(data.map((d: { n: number }) => d.n).sort((a: number, b: number) => a - b)).toEqual([
      1, 4, 28,
    ])
    expect(t.cloud.store.unindexedQueries).toEqual([])
  })
})

describe('planning $or and _id ranges', () => {
  it('pages newest first by (time, id) through the index, ties included, as a scan would', async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 0, minute))
    await db.collection('signups').add({
      data: Array.from({ length: 40 }, (_u, i) => ({
        _id: `p${String(i).padStart(2, '0')}`,
        projectId: 'paged',
        openid: `paged-${i}`,
        // Four documents share each minute.
        createdAt: at(Math.floor(i / 4)),
      })),
    })
    t.cloud.store.unindexedQueries.length = 0
    const _ = db.command
    const seen: string[] = []
    let last: { createdAt: Date; _id: string } | null = null
    for (;;) {
      const where: Record<string, unknown> = last
        ? _.and([
            { projectId: 'paged' },
            _.or([
              { createdAt: _.lt(last.createdAt) },
              { createdAt: last.createdAt, _id: _.lt(last._id) },
            ]),
          ])
        : { projectId: 'paged' }
      const { data } = await db
        .collection('signups')
        .where(where)
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(7)
        .get()
      if (data.length === 0) break
      seen.push(...data.map((d: { _id: string }) => d._id))
      const tail = data[data.length - 1]
      last = { createdAt: new Date(tail.createdAt), _id: tail._id }
    }
    expect(seen).toEqual(
      Array.from({ length: 40 }, (_u, i) => `p${String(39 - i).padStart(2, '0')}`),
    )
    expect(t.cloud.store.unindexedQueries).toEqual([])
    // SQL answers it alone, ordered and limited: no document is read that the page does not hold.
    const plan = t.cloud.store.explain(
      'signups',
      {
        $and: [
          { projectId: 'paged' },
          { $or: [{ createdAt: { $lt: at(3) } }, { createdAt: at(3), _id: { $lt: 'p13' } }] },
        ],
      },
      [
        ['createdAt', -1],
        ['_id', -1],
      ],
    )
    expect(plan).toMatchObject({ exact: true, indexed: true, orderBy: expect.any(String) })
  })
})

describe('key columns across restarts', () => {
  it('fills keys for documents written before an index was declared, and keeps them after a restart', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-keys-'))
    const file = path.join(dir, 'db.sqlite')
    try {
      const first = new Store(file)
      first.createCollection('notes')
      first.write('notes', 'a', { tag: 'x', n: 1 })
      first.declareIndexes('notes', [{ name: 'tag', keys: { tag: 1 } }])
      first.write('notes', 'b', { tag: 'x', n: 2 })
      first.unindexedQueries.length = 0
      expect(
        first.find('notes', { filter: { tag: 'x' }, sort: [['_id', 1]] }).map((d) => d['n']),
      ).toEqual([1, 2])
      expect(first.unindexedQueries).toEqual([])
      first.close()

      const second = new Store(file)
      second.declareIndexes('notes', [{ name: 'tag', keys: { tag: 1 } }])
      second.write('notes', 'c', { tag: 'x', n: 3 })
      expect(
        second.find('notes', { filter: { tag: 'x' }, sort: [['_id', 1]] }).map((d) => d['n']),
      ).toEqual([1, 2, 3])
      second.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

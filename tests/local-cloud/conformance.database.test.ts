/**
 * Conformance: answers CloudBase gives to real-world calls of @cloudbase/node-sdk 3.17.2 (the SDK
 * inside wx-server-sdk 4), one test per behaviour. Each names the production behaviour it pins and
 * where it is documented. "The SDK's own tests" are TencentCloudBase/node-sdk's integration tests
 * (test/database/**), which run against the real CloudBase.
 */
import { isTransactionConflict } from '../../cloudfunctions/shared/transaction'
import { isConflict } from '../../cloudfunctions/volunteers/lib/transaction'
import { startTestCloud, type TestCloud } from './support/testCloud'
import { rejectionOf } from './support/wxServerSdk'

let t: TestCloud
/** wx-server-sdk's database, as the functions use it. */
let db: any
/** @cloudbase/node-sdk's own database: it has `db.ObjectId` and `updateAndReturn`. */
let nodeDb: any
let _: any

beforeAll(async () => {
  t = await startTestCloud()
  db = t.db
  _ = db.command
  // startTestCloud set the environment that points the SDKs at the local cloud.
  nodeDb = require('@cloudbase/node-sdk').init({ env: 'test' }).database()
  for (const name of ['items', 'accounts']) await db.createCollection(name)
})
afterAll(() => t.cloud.close())
beforeEach(() => t.cloud.store.clear())

const ids = async (where: unknown) =>
  (await db.collection('items').where(where).orderBy('_id', 'asc').get()).data.map(
    (d: { _id: string }) => d._id,
  )

describe('queries', () => {
  /*
   * MongoDB manual, $elemMatch (query): "The $elemMatch operator matches documents that contain an
   * array field with at least one element that matches all the specified query criteria." A
   * criteria of fields is a query on documents: the plain value 1 has no field `value`.
   */
  it('$elemMatch with a field condition does not match arrays of plain values', async () => {
    await db.collection('items').add({
      data: [
        { _id: 'plain', tags: [1, 2] },
        { _id: 'docs', tags: [{ value: 1 }, { value: 3 }] },
        { _id: 'nested', tags: [[{ value: 1 }]] },
      ],
    })
    expect(await ids({ tags: _.elemMatch({ value: 1 }) })).toEqual(['docs'])
    expect(await ids({ tags: _.elemMatch({ value: _.exists(true) }) })).toEqual(['docs'])
    // Operators alone still test the elements as values.
    expect(await ids({ tags: _.elemMatch(_.gt(1)) })).toEqual(['plain'])
  })

  /*
   * MongoDB manual, $jsonSchema: "The $jsonSchema operator matches documents that satisfy the
   * specified JSON Schema." The SDK sends it as `_.jsonSchema(schema)`.
   */
  it('$jsonSchema filters documents by a schema', async () => {
    await db.collection('items').add({
      data: [
        { _id: 'ok', name: '王阿姨', age: 70 },
        { _id: 'young', name: '小明', age: 8 },
        { _id: 'nameless', age: 40 },
        { _id: 'text-age', name: '李', age: '40' },
      ],
    })
    const schema = {
      required: ['name', 'age'],
      properties: { name: { bsonType: 'string' }, age: { bsonType: 'int', minimum: 18 } },
    }
    expect(await ids(_.jsonSchema(schema))).toEqual(['ok'])
  })

  /*
   * MongoDB answers an operator it does not know with "unknown operator: $foo" (error code 2) and
   * an expression with "Unrecognized expression '$foo'" (code 168); CloudBase passes a MongoDB
   * error on as DATABASE_REQUEST_FAILED (errCode -502001, the SDK's own test "验证throwOnCode").
   * Nothing of it belongs in the server's log.
   */
  it('answers unknown operators with MongoDB’s error, not a stack in the log', async () => {
    await db.collection('items').add({ data: { _id: 'a', v: 1 } })
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const query = await rejectionOf(
        db
          .collection('items')
          .where({ v: { $foo: 1 } })
          .get(),
      )
      expect(query).toMatchObject({ errCode: -502001 })
      expect(String(query['errMsg'])).toContain('unknown operator: $foo')
      const expression = await rejectionOf(
        db
          .collection('items')
          .aggregate()
          .project({ x: { $foo: 1 } })
          .end(),
      )
      expect(String(expression['errMsg'])).toContain("Unrecognized expression '$foo'")
      expect(logged).not.toHaveBeenCalled()
    } finally {
      logged.mockRestore()
    }
  })
})

describe('projections', () => {
  /*
   * MongoDB 4.4 compatibility notes, Path Collision Restrictions: 4.4 refuses a projection of an
   * embedded document with one of its fields; "in previous versions, the lattermost projection
   * between the embedded documents and its fields determines the projection". CloudBase answers
   * such projections (published apps rely on it): the earlier behaviour.
   */
  it('settles a projection of a field and a field inside it by the lattermost, in get and in aggregate', async () => {
    await db.collection('items').add({ data: { _id: 'o', o: { a: 1, b: 2 } } })
    const fieldsLast = await db
      .collection('items')
      .where({ _id: 'o' })
      .field({ o: true, 'o.a': true })
      .get()
    expect(fieldsLast.data).toEqual([{ _id: 'o', o: { a: 1 } }])
    const documentLast = await db
      .collection('items')
      .where({ _id: 'o' })
      .field({ 'o.a': true, o: true })
      .get()
    expect(documentLast.data).toEqual([{ _id: 'o', o: { a: 1, b: 2 } }])
    const viaProject = await db
      .collection('items')
      .aggregate()
      .match({ _id: 'o' })
      .project({ o: 1, 'o.a': 1 })
      .end()
    expect(viaProject.list).toEqual([{ _id: 'o', o: { a: 1 } }])
  })
})

describe('_id of any BSON type', () => {
  /*
   * The SDK's own test "insert with custom docid" adds `{ _id: +new Date() }` and reads
   * `res.id == docId`, then removes it with `doc(docId)`: a number _id is kept as given.
   */
  it('keeps a number _id and finds it with doc(<number>)', async () => {
    const added = await nodeDb.collection('items').add({ _id: 42, a: 1 })
    expect(added.id).toBe(42)
    expect((await nodeDb.collection('items').doc(42).get()).data).toEqual([{ _id: 42, a: 1 }])
    // The number 42 and the string "42" are two documents.
    await nodeDb.collection('items').add({ _id: '42', a: 2 })
    expect((await nodeDb.collection('items').doc('42').get()).data).toEqual([{ _id: '42', a: 2 }])
    expect((await nodeDb.collection('items').where({ _id: 42 }).get()).data).toEqual([
      { _id: 42, a: 1 },
    ])
    expect((await nodeDb.collection('items').doc(42).update({ a: 3 })).updated).toBe(1)
    expect((await nodeDb.collection('items').doc(42).remove()).deleted).toBe(1)
    expect((await nodeDb.collection('items').doc('42').get()).data).toHaveLength(1)
  })

  /*
   * The SDK's own test "test _id 为oid 结构插入" (test/database/unit/oid.test.ts) adds
   * `{ _id: db.ObjectId({ id: objId }) }` and expects `addRes.id === objId`.
   */
  it('keeps an ObjectId _id and answers its hex string as the id', async () => {
    const hex = '5f1b2c3d4e5f6a7b8c9d0e1f'
    const added = await nodeDb.collection('items').add({ _id: nodeDb.ObjectId({ id: hex }), a: 1 })
    expect(added.id).toBe(hex)
    const found = await nodeDb
      .collection('items')
      .where({ _id: nodeDb.ObjectId({ id: hex }) })
      .get()
    expect(found.data).toEqual([{ _id: hex, a: 1 }])
    // An ObjectId is not its hex string.
    expect((await nodeDb.collection('items').where({ _id: hex }).get()).data).toEqual([])
  })

  /*
   * The SDK's own test "test 非 _id 为oid 结构插入" adds `{ a: db.ObjectId({ id: objId }) }`,
   * queries it with `where({ a: db.ObjectId({ id: objId }) })` and expects
   * `getRes.data[0].a === objId`.
   */
  it('reads an ObjectId in an ordinary field back as its hex string, not {}', async () => {
    const hex = '60a1b2c3d4e5f60718293a4b'
    await nodeDb.collection('items').add({ _id: 'ref', a: nodeDb.ObjectId({ id: hex }) })
    const got = await nodeDb
      .collection('items')
      .where({ a: nodeDb.ObjectId({ id: hex }) })
      .get()
    expect(got.data[0].a).toBe(hex)
    expect((await nodeDb.collection('items').doc('ref').get()).data[0].a).toBe(hex)
  })
})

describe('writes', () => {
  /*
   * The SDK's own test "验证findAndModify 更新相同值" updates `{ a: 1 }` to `{ a: 1 }` with
   * updateAndReturn and expects `res.updated === 1`; "验证findAndModify 更新失败" expects
   * `updated === 0 && doc === null` when nothing matches.
   */
  it('updateAndReturn reports updated: 1 when the document already had the value', async () => {
    await nodeDb.collection('items').add({ _id: 'same', a: 1 })
    const same = await nodeDb.collection('items').where({ a: 1 }).updateAndReturn({ a: 1 })
    expect(same).toMatchObject({ updated: 1, doc: { _id: 'same', a: 1 } })
    const none = await nodeDb.collection('items').where({ a: -1 }).updateAndReturn({ a: 1 })
    expect(none).toMatchObject({ updated: 0, doc: null })
  })

  /*
   * The SDK sends `transactionId` with modifyAndReturnDoc, and its own test "modifyAndReturnDoc"
   * runs updateAndReturn inside a transaction: the write belongs to the transaction, so a
   * rollback undoes it and other readers do not see it before the commit.
   */
  it('updateAndReturn inside a transaction joins it', async () => {
    await nodeDb.collection('accounts').add([
      { _id: 'a', fen: 100 },
      { _id: 'b', fen: 100 },
    ])
    const rolledBack = await nodeDb.startTransaction()
    const inside = await rolledBack
      .collection('accounts')
      .where({ _id: 'a' })
      .updateAndReturn({ fen: nodeDb.command.inc(-30) })
    expect(inside).toMatchObject({ updated: 1, doc: { fen: 70 } })
    expect((await nodeDb.collection('accounts').doc('a').get()).data[0].fen).toBe(100)
    expect((await rolledBack.collection('accounts').doc('a').get()).data.fen).toBe(70)
    await rolledBack.rollback()
    expect((await nodeDb.collection('accounts').doc('a').get()).data[0].fen).toBe(100)

    const committed = await nodeDb.startTransaction()
    await committed
      .collection('accounts')
      .where({ _id: 'b' })
      .updateAndReturn({ fen: nodeDb.command.inc(5) })
    await committed.commit()
    expect((await nodeDb.collection('accounts').doc('b').get()).data[0].fen).toBe(105)
  })

  /*
   * The SDK's own test "验证throwOnCode" adds `{ $_key: 1 }` and expects
   * `res.code === 'DATABASE_REQUEST_FAILED'`.
   */
  it('refuses a document with a top-level field that starts with $', async () => {
    const added = await rejectionOf(nodeDb.collection('items').add({ $_key: 1 }))
    expect(added).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    expect(String(added['message'])).toContain('$_key')
    const set = await rejectionOf(nodeDb.collection('items').doc('x').set({ $_key: 1 }))
    expect(set).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    expect((await nodeDb.collection('items').count()).total).toBe(0)
  })
})

describe('transactions', () => {
  /*
   * CloudBase's words, which apps match on: `DATABASE_TRANSACTION_CONFLICT`, "[ResourceUnavailable
   * .TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check
   * your request, but if the problem persists, contact us." (the SDK's own test "读偏",
   * test/database/unit/transaction.test.ts).
   */
  it('reports a write conflict with CloudBase’s code and wording', async () => {
    await db.collection('accounts').add({ data: { _id: 'k', fen: 1 } })
    const first = await db.startTransaction()
    const second = await db.startTransaction()
    await first
      .collection('accounts')
      .doc('k')
      .update({ data: { fen: 2 } })
    const error = await rejectionOf(
      second
        .collection('accounts')
        .doc('k')
        .update({ data: { fen: 3 } }),
    )
    expect(String(error['errMsg'])).toContain(
      '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.',
    )
    // This project's own retry loops still recognise it.
    expect(isTransactionConflict(error)).toBe(true)
    expect(isConflict(error)).toBe(true)
    await first.rollback()
    await second.rollback()
  })

  /*
   * A production log quoted in the WeChat developer community ("transaction must be commit or
   * abort in 30 seconds?"): `code: 'DATABASE_TRANSACTION_FAIL', message:
   * '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server,
   * transaction must be commit or abort in 30 seconds. Please check your request, but if the
   * problem persists, contact us.'`
   */
  it('reports a transaction that has ended with CloudBase’s code and wording', async () => {
    const ended = await db.startTransaction()
    await ended.commit()
    const error = await rejectionOf(ended.collection('accounts').doc('a').get())
    expect(String(error['errMsg'])).toContain(
      '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds.',
    )
    const commit = await rejectionOf(ended.commit())
    expect(commit).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
  })
})

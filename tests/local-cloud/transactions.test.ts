/** Transactions through the real wx-server-sdk: snapshot isolation and write conflicts. */
import { startTestCloud, type TestCloud } from './support/testCloud'

let t: TestCloud

let db: any

beforeAll(async () => {
  t = await startTestCloud()
  db = t.db
  await db.createCollection('accounts')
})
afterAll(() => t.cloud.close())
beforeEach(async () => {
  t.cloud.store.clear()
  await db.collection('accounts').add({
    data: [
      { _id: 'a', fen: 100 },
      { _id: 'b', fen: 0 },
    ],
  })
})

const fenOf = async (id: string) => (await db.collection('accounts').doc(id).get()).data.fen

describe('runTransaction', () => {
  it('commits all writes together', async () => {
    const result = await db.runTransaction(async (tx: any) => {
      const a = (await tx.collection('accounts').doc('a').get()).data
      await tx
        .collection('accounts')
        .doc('a')
        .update({ data: { fen: a.fen - 30 } })
      await tx
        .collection('accounts')
        .doc('b')
        .update({ data: { fen: db.command.inc(30) } })
      await tx.collection('accounts').add({ data: { _id: 'log1', fen: 30 } })
      return 'moved'
    })
    expect(result).toBe('moved')
    expect([await fenOf('a'), await fenOf('b'), await fenOf('log1')]).toEqual([70, 30, 30])
  })

  it('writes nothing when the callback rolls back', async () => {
    await expect(
      db.runTransaction(async (tx: any) => {
        await tx
          .collection('accounts')
          .doc('a')
          .update({ data: { fen: 0 } })
        await tx.rollback('余额不足')
      }),
    ).rejects.toBe('余额不足')
    expect(await fenOf('a')).toBe(100)
  })

  it('writes nothing when the callback throws', async () => {
    await expect(
      db.runTransaction(async (tx: any) => {
        await tx.collection('accounts').doc('a').remove()
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await fenOf('a')).toBe(100)
  })
})

describe('startTransaction', () => {
  it('reads its own snapshot: later commits by others are invisible to it', async () => {
    const tx = await db.startTransaction()
    await db
      .collection('accounts')
      .doc('a')
      .update({ data: { fen: 1 } })
    expect((await tx.collection('accounts').doc('a').get()).data.fen).toBe(100)
    await tx.rollback()
  })

  it('refuses a where() query inside a transaction, as production does', async () => {
    const tx = await db.startTransaction()
    const refusal = await tx
      .collection('accounts')
      .where({ fen: 100 })
      .get()
      .then(
        () => null,
        (error: { errMsg?: string; message?: string }) => String(error.errMsg ?? error.message),
      )
    expect(refusal).toMatch(/single-document operations only/)
    await tx.rollback()
  })

  it('sees its own uncommitted writes; others do not until commit', async () => {
    const tx = await db.startTransaction()
    await tx
      .collection('accounts')
      .doc('b')
      .set({ data: { fen: 55 } })
    expect((await tx.collection('accounts').doc('b').get()).data.fen).toBe(55)
    expect(await fenOf('b')).toBe(0)
    await tx.commit()
    expect(await fenOf('b')).toBe(55)
  })

  it('reports a conflict to one of two transactions writing the same document', async () => {
    const first = await db.startTransaction()
    const second = await db.startTransaction()
    await first
      .collection('accounts')
      .doc('a')
      .update({ data: { fen: 1 } })
    await expect(
      second
        .collection('accounts')
        .doc('a')
        .update({ data: { fen: 2 } }),
    ).rejects.toMatchObject({
      errMsg: expect.stringContaining('conflict'),
    })
    await first.commit()
    await second.rollback()
    expect(await fenOf('a')).toBe(1)
  })

  it('fails the commit of a transaction whose document changed outside it since its snapshot', async () => {
    const tx = await db.startTransaction()
    await tx
      .collection('accounts')
      .doc('a')
      .update({ data: { fen: 5 } })
    await db
      .collection('accounts')
      .doc('a')
      .update({ data: { fen: 7 } })
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(await fenOf('a')).toBe(7)
  })

  it('fails the commit of a transaction whose document was removed outside it since its snapshot', async () => {
    const tx = await db.startTransaction()
    await tx
      .collection('accounts')
      .doc('a')
      .update({ data: { fen: 5 } })
    await db.collection('accounts').doc('a').remove()
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    // Not brought back by the transaction that had read it.
    expect(await db.collection('accounts').where({ _id: 'a' }).count()).toEqual(
      expect.objectContaining({ total: 0 }),
    )
  })

  it('refuses a write to a document removed outside the transaction since its snapshot', async () => {
    const tx = await db.startTransaction()
    expect((await tx.collection('accounts').doc('a').get()).data.fen).toBe(100)
    await db.collection('accounts').doc('a').remove()
    await expect(
      tx
        .collection('accounts')
        .doc('a')
        .update({ data: { fen: 5 } }),
    ).rejects.toMatchObject({ errMsg: expect.stringContaining('conflict') })
    await tx.rollback()
    expect(await db.collection('accounts').where({ _id: 'a' }).count()).toEqual(
      expect.objectContaining({ total: 0 }),
    )
  })

  it('answers an error for a transaction that does not exist', async () => {
    const tx = await db.startTransaction()
    await tx.commit()
    await expect(tx.commit()).rejects.toMatchObject({ code: expect.any(String) })
  })
})

/**
 * A short lease that lines up the writers of one building-year before their transaction.
 *
 * The transaction alone is what makes receipt numbers exact: it would stay correct without the
 * lease. But a transaction that loses to another (first writer wins) has done several round
 * trips for nothing, and with a dozen heads' calls at once most attempts lose: throughput
 * collapses. Waiting for the lease costs one conditional update per try. A holder that dies
 * leaves the lease to expire after LEASE_MS; the transaction still protects the ledger then.
 * The lease document exists only while someone holds it.
 */
import { randomUUID } from 'node:crypto'
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { isDuplicateKey } from '../../shared/idempotency'
import { sleep } from '../../shared/transaction'
import { FEE_COLLECTIONS, type LockDoc } from './model'

const LEASE_MS = 5_000
/** How long a caller waits in line (the function's timeout is 20 s). */
const WAIT_MS = 15_000

export async function withLease<R>(db: Database, key: string, work: () => Promise<R>): Promise<R> {
  const locks = db.collection<LockDoc>(FEE_COLLECTIONS.locks)
  const holder = randomUUID()
  const deadline = Date.now() + WAIT_MS
  for (let attempt = 0; ; attempt++) {
    const now = Date.now()
    try {
      // The lease exists only while held: taking it is creating it.
      await locks.add({ data: { _id: key, holder, until: now + LEASE_MS } })
      break
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
    // Now and then, take over a lease whose holder is gone.
    if (attempt % 8 === 7) {
      const { stats } = await locks
        .where({ _id: key, until: db.command['lt']!(now) })
        .update({ data: { holder, until: now + LEASE_MS } })
      if (stats.updated === 1) break
    }
    if (Date.now() > deadline) throw new AppError('CONFLICT', '同时记账的人太多，请稍后再试')
    // A holder keeps the lease for about ten round trips. The longer one has waited, the longer
    // the line: wait longer between tries (up to ~150 ms), so that a dozen waiters do not take
    // the database's time from the holder; the first tries come back quickly.
    await sleep(Math.min(150, 10 * 1.5 ** attempt) * (0.5 + Math.random() / 2))
  }
  try {
    return await work()
  } finally {
    // Released by removing it: a refused payment leaves the database as it found it.
    await locks.where({ _id: key, holder }).remove()
  }
}

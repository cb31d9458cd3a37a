/**
 * A short lease that lines up the writers of one building-year before their transaction.
 *
 * The transaction alone is what makes receipt numbers exact: it would stay correct without the
 * lease. But a transaction that loses to another (first writer wins) has done several round
 * trips for nothing, and with a dozen heads' calls at once most attempts lose: throughput
 * collapses. Waiting for the lease costs one conditional write per try. A holder that dies
 * leaves the lease to expire after LEASE_MS; the transaction still protects the ledger then.
 * The lease document exists only while someone holds it.
 */
import { randomUUID } from 'node:crypto'
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { isDuplicateKey } from '../../shared/idempotency'
import { sleep } from '../../shared/transaction'
import { FEE_COLLECTIONS, type LockDoc } from './model'

/** How long a lease lasts if its holder never releases it (a function that died). */
export const LEASE_MS = 5_000
/** How long a void or an expense waits in line (the function's timeout is 20 s). */
const WAIT_MS = 15_000

/**
 * Takes the lease `key` for `holder` if nobody holds it, or with `takeOver` also if its holder is
 * gone (its time has passed): looking for that costs a second call, worth it now and then only.
 */
export async function takeLease(
  db: Database,
  key: string,
  holder: string,
  takeOver: boolean,
): Promise<boolean> {
  const locks = db.collection<LockDoc>(FEE_COLLECTIONS.locks)
  // Leases are timed by this function's clock (the real one: tests that move time do not move
  // leases); the clocks of cloud instances agree far better than a lease's length.
  const now = Date.now()
  try {
    // The lease exists only while held: taking it is creating it.
    await locks.add({ data: { _id: key, holder, until: now + LEASE_MS } })
    return true
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  if (!takeOver) return false
  const { stats } = await locks
    .where({ _id: key, until: db.command['lt']!(now) })
    .update({ data: { holder, until: now + LEASE_MS } })
  return stats.updated === 1
}

/** Extends a lease still held by `holder`; answers false when it expired and was taken over. */
export async function renewLease(db: Database, key: string, holder: string): Promise<boolean> {
  const { stats } = await db
    .collection<LockDoc>(FEE_COLLECTIONS.locks)
    .where({ _id: key, holder })
    .update({ data: { until: Date.now() + LEASE_MS } })
  return stats.updated === 1
}

/** Released by removing it: a refused write leaves the database as it found it. */
export async function releaseLease(db: Database, key: string, holder: string): Promise<void> {
  await db.collection<LockDoc>(FEE_COLLECTIONS.locks).where({ _id: key, holder }).remove()
}

export function newHolder(): string {
  return randomUUID()
}

/** Runs `work` holding the lease `key`, after waiting for it if need be. */
export async function withLease<R>(db: Database, key: string, work: () => Promise<R>): Promise<R> {
  const holder = newHolder()
  const deadline = Date.now() + WAIT_MS
  for (let attempt = 0; !(await takeLease(db, key, holder, attempt % 8 === 7)); attempt++) {
    if (Date.now() > deadline) throw new AppError('CONFLICT', '同时记账的人太多，请稍后再试')
    // A holder keeps the lease for about ten round trips. The longer one has waited, the longer
    // the line: wait longer between tries (up to ~150 ms), so that a dozen waiters do not take
    // the database's time from the holder; the first tries come back quickly.
    await sleep(Math.min(150, 10 * 1.5 ** attempt) * (0.5 + Math.random() / 2))
  }
  try {
    return await work()
  } finally {
    await releaseLease(db, key, holder)
  }
}

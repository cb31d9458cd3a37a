/**
 * The line of payments of one building-year, served in batches (flat combining).
 *
 * One transaction per payment, each behind the ledger's lease, serves a crowd one by one: a
 * hundred payments at once then take longer than a function may run, and the last in line were
 * refused for something their head could do nothing about. So a payment first joins the line (a
 * document of its own, `_id` = its receipt's, so that a replay of the same request joins the same
 * place). Whoever holds the building-year's lease then records the payments in line, oldest
 * first, up to BATCH in one transaction: their receipts with the next numbers, their claims and
 * the year's totals, and takes them out of the line. Everyone else looks at their own place now
 * and then, and takes the lease when it is free. A place gone from the line is decided: its
 * receipt exists, or another receipt's claim refused it. So a payment waits for a few batches,
 * however long the line; it gives up only when its own function's time is nearly up, and then
 * withdraws its place so that nothing is recorded behind its back.
 *
 * Correctness rests on the transaction, not on the lease: the counter, the receipts, the claims
 * and the line's places change together, a number is used if and only if its receipt is written,
 * and a place changed meanwhile (withdrawn, taken back) makes the transaction conflict and read
 * again. A holder that dies leaves the lease to expire; the next waiter takes over.
 */
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { isDuplicateKey } from '../../shared/idempotency'
import { sleep } from '../../shared/transaction'
import { newHolder, releaseLease, renewLease, takeLease } from './lease'
import { auditPayment, recordBatch } from './lineBatch'
import { FEE_COLLECTIONS, type ClaimDoc, type QueuedPaymentDoc, type ReceiptDoc } from './model'
import { paidClaim } from './status'

/**
 * How long a payment may wait for its receipt, from the start of its call (the function's timeout
 * is 20 s). No batch starts after it, and one begun before it is done FINISH_MS later at the
 * latest, leaving time to answer.
 */
export const SETTLE_MS = 15_000
const FINISH_MS = 2_500

export type Payment = Omit<QueuedPaymentDoc, 'queuedAt' | 'withdrawn'>
export type Outcome = { receipt: ReceiptDoc } | { paidBy: ClaimDoc }

const line = (db: Database) => db.collection<QueuedPaymentDoc>(FEE_COLLECTIONS.line)

/**
 * Records `payment` in its turn: answers its receipt (also when a replay of the same request
 * made it), or the claim of another receipt that already pays one of its periods. Throws
 * CONFLICT, having recorded nothing, only if the turn did not come by `deadline`.
 */
export async function payInLine(
  db: Database,
  payment: Payment,
  now: Date,
  deadline: number,
): Promise<Outcome> {
  for (;;) {
    await join(db, payment)
    let decided: boolean
    try {
      decided = await waitTurn(db, payment, now, deadline)
    } catch (error) {
      if (await withdraw(db, payment._id)) throw error
      decided = true
    }
    if (!decided && (await withdraw(db, payment._id))) {
      throw new AppError('CONFLICT', '同时记账的人太多，请稍后再试')
    }
    const receipts = db.collection<ReceiptDoc>(FEE_COLLECTIONS.receipts)
    const receipt = (await receipts.doc(payment._id).get()).data
    if (receipt) return { receipt }
    const { householdId, periods } = payment.receipt
    const claim = await paidClaim(db, householdId, periods)
    if (claim && claim.receiptId !== payment._id) return { paidBy: claim }
    // Neither: a replay of this request gave up and withdrew the place, or the receipt that
    // refused it has been voided since. The periods may be free: join again.
  }
}

async function join(db: Database, payment: Payment): Promise<void> {
  try {
    await line(db).add({ data: { ...payment, queuedAt: Date.now() } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    // A replay of this request is in line already: wait with it, and take the place back if it
    // gave up.
    await line(db)
      .where({ _id: payment._id, withdrawn: true })
      .update({ data: { withdrawn: false } })
  }
}

/** Waits, serving the line when the lease is free; answers false if `deadline` came first. */
async function waitTurn(
  db: Database,
  payment: Payment,
  now: Date,
  deadline: number,
): Promise<boolean> {
  const holder = newHolder()
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) {
      // A batch takes some tens of milliseconds on a quiet machine, much longer on a busy one:
      // look again after about one, then less often. Each waiter looks rarely, so that a crowd
      // of them does not take the database's time from the holder; between them, someone still
      // finds a released lease soon.
      await sleep(Math.min(1000, 25 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2))
      if (!(await inLine(db, payment._id))) return true
    }
    if (Date.now() > deadline) return false
    if (await takeLease(db, payment.ledger, holder, attempt % 4 === 3)) {
      const created: ReceiptDoc[] = []
      try {
        await serve(db, payment, holder, now, deadline, created)
      } finally {
        await releaseLease(db, payment.ledger, holder)
        // Once the lease is free again: the next holder need not wait for them.
        await Promise.all(created.map((receipt) => auditPayment(db, receipt)))
      }
      if (!(await inLine(db, payment._id))) return true
    }
  }
}

/**
 * Under the lease: batches until this payment is decided, the line is empty or time is up. The
 * receipts made are added to `created` as each batch commits.
 */
async function serve(
  db: Database,
  payment: Payment,
  holder: string,
  now: Date,
  deadline: number,
  created: ReceiptDoc[],
): Promise<void> {
  for (;;) {
    const batch = await recordBatch(db, payment.ledger, now, deadline + FINISH_MS)
    created.push(...batch.created)
    if (batch.decided.has(payment._id) || !batch.more || Date.now() > deadline) return
    if (!(await renewLease(db, payment.ledger, holder))) return
  }
}

async function inLine(db: Database, id: string): Promise<boolean> {
  const { data } = await line(db).doc(id).get()
  return data !== null && data.withdrawn !== true
}

/**
 * Takes a place out of the line for good, unless it was decided: answers whether it was still
 * there. A transaction that read it before is made to conflict by this write and reads again.
 */
async function withdraw(db: Database, id: string): Promise<boolean> {
  const { stats } = await line(db)
    .where({ _id: id })
    .update({ data: { withdrawn: true } })
  if (stats.updated === 1) return true
  // Nothing changed: withdrawn already (by a replay), or gone.
  return (await line(db).doc(id).get()).data !== null
}

/**
 * One batch of the line (line.ts): the oldest payments in line of a building-year recorded in one
 * transaction with the year's ledger, their claims, and their places taken out of the line.
 */
import { appendAudit } from '../../shared/audit'
import type { Database, Transaction } from '../../shared/cloud'
import { inTransaction, readLedger, writeLedger } from './ledger'
import { FEE_COLLECTIONS, type ClaimDoc, type QueuedPaymentDoc, type ReceiptDoc } from './model'
import { claimId } from './status'

/**
 * Payments recorded per transaction, and the claims it writes at most: a payment may cover 24
 * periods, and a long transaction would outlast the lease of the one running it.
 */
const BATCH = 20
const BATCH_CLAIMS = 60

/** The longest a batch goes on reading places in line before it writes what it decided. */
const READ_MS = 2_000

/**
 * One transaction over the oldest places in line, done by `finishBy` (epoch ms) however slow the
 * database: what it decided, and whether more wait.
 */
export async function recordBatch(
  db: Database,
  ledger: string,
  now: Date,
  finishBy: number,
): Promise<{ decided: Set<string>; created: ReceiptDoc[]; more: boolean }> {
  // The line is found outside the transaction (which reads single documents only); each place is
  // read again inside it, and one decided meanwhile is left alone.
  const { data: waiting } = await db
    .collection<QueuedPaymentDoc>(FEE_COLLECTIONS.line)
    .where({ ledger })
    .orderBy('queuedAt', 'asc')
    .limit(BATCH)
    .get()
  if (waiting.length === 0) return { decided: new Set(), created: [], more: false }
  // Writing what was read takes about half as long as reading it: reading for a third of the
  // time left leaves the rest for the writes and the commit, on a busy machine too.
  // Another attempt after a conflict reads one place only, and starts only while there is time.
  const readBy = Date.now() + Math.min(READ_MS, (finishBy - Date.now()) / 3)
  const batch = await inTransaction(
    db,
    (tx) => recordInLedger(tx, waiting, now, readBy),
    (readBy + finishBy) / 2,
  )
  return { ...batch, more: batch.more || waiting.length === BATCH }
}

async function recordInLedger(
  tx: Transaction,
  waiting: readonly QueuedPaymentDoc[],
  now: Date,
  readBy: number,
): Promise<{ decided: Set<string>; created: ReceiptDoc[]; more: boolean }> {
  const places = tx.collection<QueuedPaymentDoc>(FEE_COLLECTIONS.line)
  const receipts = tx.collection<ReceiptDoc>(FEE_COLLECTIONS.receipts)
  const claims = tx.collection<ClaimDoc>(FEE_COLLECTIONS.claims)
  const { buildingId, communityId, year } = waiting[0]!.receipt
  const ledger = await readLedger(tx, buildingId, communityId, year, now)
  const decided = new Set<string>()
  const created: ReceiptDoc[] = []
  /** Claims written by this batch, which the transaction's snapshot does not show. */
  const claimed = new Set<string>()
  let more = false
  for (const candidate of waiting) {
    if (decided.size > 0 && Date.now() > readBy) {
      more = true
      break
    }
    const { data: place } = await places.doc(candidate._id).get()
    if (!place) continue
    const { receipt: draft } = place
    if (!place.withdrawn) {
      if (claimed.size + draft.periods.length > BATCH_CLAIMS && created.length > 0) {
        more = true
        break
      }
      const made = (await receipts.doc(place._id).get()).data
      if (!made && (await allFree(tx, claimed, draft.householdId, draft.periods))) {
        const seq = ++ledger.lastSeq
        ledger.receiptCount += 1
        ledger.incomeFen += draft.amountFen
        const number = `${place.receiptPrefix}-${year}-${String(seq).padStart(4, '0')}`
        created.push({ ...draft, _id: place._id, seq, number })
        for (const period of draft.periods) claimed.add(claimId(draft.householdId, period))
      }
    }
    decided.add(place._id)
  }
  // The ledger first: a second holder (after a lease expired) conflicts there, before anything else.
  if (created.length > 0) await writeLedger(tx, ledger, now)
  for (const id of decided) await places.doc(id).remove()
  for (const receipt of created) {
    for (const [i, period] of receipt.periods.entries()) {
      await claims.doc(claimId(receipt.householdId, period)).set({
        data: {
          communityId,
          buildingId,
          householdId: receipt.householdId,
          period,
          amountFen: receipt.periodAmounts[i]!,
          receiptId: receipt._id,
          receiptNumber: receipt.number,
          active: true,
          updatedAt: receipt.recordedAt,
        },
      })
    }
    const { _id: id, ...fields } = receipt
    await receipts.doc(id).set({ data: fields })
  }
  return { decided, created, more }
}

/** Whether none of the household's periods is paid, by a valid receipt or earlier in the batch. */
async function allFree(
  tx: Transaction,
  claimed: ReadonlySet<string>,
  householdId: string,
  periods: readonly string[],
): Promise<boolean> {
  for (const period of periods) {
    const id = claimId(householdId, period)
    if (claimed.has(id)) return false
    const { data: claim } = await tx.collection<ClaimDoc>(FEE_COLLECTIONS.claims).doc(id).get()
    if (claim?.active) return false
  }
  return true
}

/** Written by the holder that recorded the receipt, once committed, for whoever asked for it. */
export async function auditPayment(db: Database, receipt: ReceiptDoc): Promise<void> {
  await appendAudit(db, {
    actor: receipt.recordedBy,
    action: 'fees.recordPayment',
    target: { collection: FEE_COLLECTIONS.receipts, id: receipt._id },
    communityId: receipt.communityId,
    before: null,
    after: {
      number: receipt.number,
      householdId: receipt.householdId,
      periods: receipt.periods,
      amountFen: receipt.amountFen,
      method: receipt.method,
      paidOn: receipt.paidOn,
    },
  })
}

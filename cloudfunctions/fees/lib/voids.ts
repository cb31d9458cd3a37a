/**
 * Voiding a receipt or an expense, inside the ledger transaction: the amount counts as voided in
 * the year of the void, a void entry with the reason is added under the entry's own id (so it can
 * be voided once only) and the entry is stamped 作废. Nothing is edited away or deleted.
 */
import type { Transaction } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { addToLedger, type LedgerCounter } from './ledger'
import { FEE_COLLECTIONS, type VoidDoc, type VoidStamp } from './model'

export interface VoidRequest {
  reason: string
  requestId: string
  by: string
  at: Date
  year: number
}

/**
 * Whether this same request voided the entry already (a retry: answer it again). Answers false
 * when it is not voided; refuses with `alreadyVoided` when someone else's request voided it.
 */
export async function voidedByThisRequest(
  tx: Transaction,
  id: string,
  request: VoidRequest,
  alreadyVoided: string,
): Promise<boolean> {
  const { data: earlier } = await tx.collection<VoidDoc>(FEE_COLLECTIONS.voids).doc(id).get()
  if (!earlier) return false
  if (earlier.requestId === request.requestId && earlier.by === request.by) return true
  throw new AppError('FAILED_PRECONDITION', alreadyVoided)
}

/** The ledger's count and sum of voided entries of each kind. */
const VOIDED: Record<VoidDoc['kind'], { count: LedgerCounter; fen: LedgerCounter }> = {
  receipt: { count: 'voidedReceiptCount', fen: 'voidedIncomeFen' },
  expense: { count: 'voidedExpenseCount', fen: 'voidedExpenseFen' },
}

/**
 * Adds the entry to the year's voided totals, writes the void entry and stamps the entry in
 * `collection`; answers the stamp.
 */
export async function recordVoid(
  tx: Transaction,
  kind: VoidDoc['kind'],
  collection: string,
  entry: { _id: string; communityId: string; buildingId: string; amountFen: number },
  request: VoidRequest,
): Promise<VoidStamp> {
  const voided = VOIDED[kind]
  await addToLedger(tx, entry, request.year, request.at, {
    [voided.count]: 1,
    [voided.fen]: entry.amountFen,
  })
  await tx
    .collection<Omit<VoidDoc, '_id'>>(FEE_COLLECTIONS.voids)
    .doc(entry._id)
    .set({
      data: {
        kind,
        communityId: entry.communityId,
        buildingId: entry.buildingId,
        year: request.year,
        amountFen: entry.amountFen,
        reason: request.reason,
        requestId: request.requestId,
        by: request.by,
        at: request.at,
      },
    })
  const stamp = { voidId: entry._id, reason: request.reason, by: request.by, at: request.at }
  await tx
    .collection(collection)
    .doc(entry._id)
    .update({ data: { voided: stamp } })
  return stamp
}

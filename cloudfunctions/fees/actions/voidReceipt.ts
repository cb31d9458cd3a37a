import type { ReceiptView } from '../../../typings/fees'
import { appendAudit } from '../../shared/audit'
import { checkText } from '../../shared/contentCheck'
import { load } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { yearOf } from '../../shared/time'
import { docId, input, requestId, text } from '../../shared/validation'
import { inLedgerTransaction } from '../lib/ledger'
import { FEE_COLLECTIONS, type ClaimDoc, type ReceiptDoc } from '../lib/model'
import { recordVoid, voidedByThisRequest } from '../lib/voids'
import { claimId } from '../lib/status'
import { receiptView } from '../lib/views'

/**
 * A mistaken receipt is voided, never edited or deleted: a void entry with the reason is added,
 * the receipt is stamped 作废 and stays visible, its periods become unpaid again, and the
 * amount counts as voided income in the year of the void. Voiding twice is refused.
 */
export const voidReceipt = defineAction({
  input: input({
    receiptId: docId('收据'),
    reason: text('作废理由', { max: 100 }),
    requestId: requestId(),
  }),
  async run({ receiptId, reason, requestId: request }, context): Promise<ReceiptView> {
    const db = context.cloud.database()
    const found = await load<ReceiptDoc>(db, FEE_COLLECTIONS.receipts, receiptId, '收据', '张')
    await checkText(context.cloud, context.openid, reason, 2)
    const now = context.now()
    const year = yearOf(now)
    const { receipt, created } = await inLedgerTransaction(
      db,
      found.buildingId,
      year,
      async (tx) => {
        const current = (
          await tx.collection<ReceiptDoc>(FEE_COLLECTIONS.receipts).doc(receiptId).get()
        ).data!
        const voiding = { reason, requestId: request, by: context.openid, at: now, year }
        const again = await voidedByThisRequest(
          tx,
          receiptId,
          voiding,
          `收据 ${current.number} 已经作废，不能再次作废`,
        )
        if (again) return { receipt: current, created: false }
        const stamp = await recordVoid(tx, 'receipt', FEE_COLLECTIONS.receipts, current, voiding)
        const claims = tx.collection<ClaimDoc>(FEE_COLLECTIONS.claims)
        for (const period of current.periods) {
          const id = claimId(current.householdId, period)
          const { data: claim } = await claims.doc(id).get()
          if (claim?.receiptId === receiptId) {
            await claims.doc(id).update({
              data: { active: false, receiptId: null, receiptNumber: null, updatedAt: now },
            })
          }
        }
        return { receipt: { ...current, voided: stamp }, created: true }
      },
    )
    if (created) {
      await appendAudit(db, {
        actor: context.openid,
        action: 'fees.voidReceipt',
        target: { collection: FEE_COLLECTIONS.receipts, id: receiptId },
        communityId: receipt.communityId,
        before: { number: receipt.number, amountFen: receipt.amountFen, voided: false },
        after: { voided: true },
        reason,
      })
    }
    return receiptView(receipt, true)
  },
})

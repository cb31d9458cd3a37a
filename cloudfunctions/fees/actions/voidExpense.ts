import type { ExpenseView } from '../../../typings/fees'
import { appendAudit } from '../../shared/audit'
import { checkText } from '../../shared/contentCheck'
import { load } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { yearOf } from '../../shared/time'
import { docId, input, requestId, text } from '../../shared/validation'
import { buildingAccess } from '../lib/access'
import { inLedgerTransaction } from '../lib/ledger'
import { FEE_COLLECTIONS, type ExpenseDoc } from '../lib/model'
import { recordVoid, voidedByThisRequest } from '../lib/voids'
import { loadCountersigns } from '../lib/expenses'
import { expenseView } from '../lib/views'

/** A mistaken expense is voided like a receipt: a void entry, the 作废 stamp, nothing deleted. */
export const voidExpense = defineAction({
  input: input({
    expenseId: docId('支出'),
    reason: text('作废理由', { max: 100 }),
    requestId: requestId(),
  }),
  async run({ expenseId, reason, requestId: request }, context): Promise<ExpenseView> {
    const db = context.cloud.database()
    const found = await load<ExpenseDoc>(db, FEE_COLLECTIONS.expenses, expenseId, '支出', '笔')
    const access = await buildingAccess(db, context, found.buildingId, { named: false })
    await checkText(context.cloud, context.openid, reason, 2)
    const now = context.now()
    const year = yearOf(now)
    const { expense, created } = await inLedgerTransaction(
      db,
      found.buildingId,
      year,
      async (tx) => {
        const current = (
          await tx.collection<ExpenseDoc>(FEE_COLLECTIONS.expenses).doc(expenseId).get()
        ).data!
        const voiding = { reason, requestId: request, by: context.openid, at: now, year }
        if (await voidedByThisRequest(tx, expenseId, voiding, '这笔支出已经作废，不能再次作废')) {
          return { expense: current, created: false }
        }
        const stamp = await recordVoid(tx, 'expense', FEE_COLLECTIONS.expenses, current, voiding)
        return { expense: { ...current, voided: stamp }, created: true }
      },
    )
    if (created) {
      await appendAudit(db, {
        actor: context.openid,
        action: 'fees.voidExpense',
        target: { collection: FEE_COLLECTIONS.expenses, id: expenseId },
        communityId: expense.communityId,
        before: { amountFen: expense.amountFen, purpose: expense.purpose, voided: false },
        after: { voided: true },
        reason,
      })
    }
    const countersigns = await loadCountersigns(db, [expenseId])
    return expenseView(expense, countersigns, {
      openid: context.openid,
      homes: access.homes,
      showNote: true,
    })
  },
})

import type { ExpenseView } from '../../../typings/fees'
import { appendAudit } from '../../shared/audit'
import { checkText } from '../../shared/contentCheck'
import { AppError } from '../../shared/errors'
import { photoIds, requireOwnUploads } from '../../shared/files'
import { requestScopedId } from '../../shared/idempotency'
import { defineAction } from '../../shared/router'
import { yearOf } from '../../shared/time'
import { docId, input, requestId, text } from '../../shared/validation'
import { buildingAccess } from '../lib/access'
import { amount, day, notInFuture } from '../lib/inputs'
import { addToLedger, inLedgerTransaction } from '../lib/ledger'
import { requireWithinLimit } from '../lib/limits'
import { FEE_COLLECTIONS, type ExpenseDoc } from '../lib/model'
import { expenseView } from '../lib/views'

/**
 * The head records what the fund paid for, with the receipt photo(s), in one transaction with the
 * year's totals. Every resident of the building sees it in the open account and may countersign.
 */
export const recordExpense = defineAction({
  input: input({
    buildingId: docId('楼栋'),
    amountFen: amount(),
    purpose: text('用途', { max: 50 }),
    spentOn: day('支出日期'),
    photos: photoIds(3),
    note: text('备注', { max: 100 }).optional(),
    requestId: requestId(),
  }),
  async run(expense, context): Promise<ExpenseView> {
    const db = context.cloud.database()
    const access = await buildingAccess(db, context, expense.buildingId, { named: false })
    requireWithinLimit(expense.amountFen)
    const now = context.now()
    if (!notInFuture(expense.spentOn, now)) {
      throw new AppError('INVALID_ARGUMENT', '支出日期不能晚于今天', [
        { field: 'spentOn', message: '晚于今天' },
      ])
    }
    await requireOwnUploads(db, context.cloud, context.openid, expense.photos)
    const viewer = { openid: context.openid, homes: access.homes, showNote: true }
    const expenseId = requestScopedId('fe', context.openid, expense.requestId)
    const repeat = (await db.collection<ExpenseDoc>(FEE_COLLECTIONS.expenses).doc(expenseId).get())
      .data
    if (repeat) return expenseView(repeat, [], viewer)
    await checkText(
      context.cloud,
      context.openid,
      [expense.purpose, expense.note ?? ''].join('\n').trim(),
      2,
    )

    const year = yearOf(now)
    const { communityId } = access.building
    const { doc, created } = await inLedgerTransaction(db, expense.buildingId, year, async (tx) => {
      const expenses = tx.collection<ExpenseDoc>(FEE_COLLECTIONS.expenses)
      const again = (await expenses.doc(expenseId).get()).data
      if (again) return { doc: again, created: false }
      await addToLedger(tx, { buildingId: expense.buildingId, communityId }, year, now, {
        expenseCount: 1,
        expenseFen: expense.amountFen,
      })
      const doc: ExpenseDoc = {
        _id: expenseId,
        communityId,
        buildingId: expense.buildingId,
        year,
        amountFen: expense.amountFen,
        purpose: expense.purpose,
        spentOn: expense.spentOn,
        photos: expense.photos,
        ...(expense.note ? { note: expense.note } : {}),
        recordedBy: context.openid,
        recordedAt: now,
      }
      const { _id: _ignored, ...fields } = doc
      await expenses.doc(expenseId).set({ data: fields })
      return { doc, created: true }
    })
    if (created) {
      await appendAudit(db, {
        actor: context.openid,
        action: 'fees.recordExpense',
        target: { collection: FEE_COLLECTIONS.expenses, id: doc._id },
        communityId,
        before: null,
        after: {
          amountFen: doc.amountFen,
          purpose: doc.purpose,
          spentOn: doc.spentOn,
          photos: doc.photos,
        },
      })
    }
    return expenseView(doc, [], viewer)
  },
})

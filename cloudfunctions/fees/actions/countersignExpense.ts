import type { ExpenseView } from '../../../typings/fees'
import { AppError } from '../../shared/errors'
import { isDuplicateKey } from '../../shared/idempotency'
import { getHousehold, load } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { buildingAccess, canManage } from '../lib/access'
import { loadCountersigns } from '../lib/expenses'
import { FEE_COLLECTIONS, type CountersignDoc, type ExpenseDoc } from '../lib/model'
import { expenseView } from '../lib/views'

/**
 * A resident of the building (not whoever recorded it) confirms an expense: 核对签字. Each
 * resident signs an expense once; the open account shows the rooms that signed.
 */
export const countersignExpense = defineAction({
  input: input({ expenseId: docId('支出') }),
  async run({ expenseId }, context): Promise<ExpenseView> {
    const db = context.cloud.database()
    const expense = await load<ExpenseDoc>(db, FEE_COLLECTIONS.expenses, expenseId, '支出', '笔')
    const access = await buildingAccess(db, context, expense.buildingId, { named: false })
    const home = access.homes[0]
    if (!home) {
      throw new AppError('PERMISSION_DENIED', '只有本楼已绑定房屋的住户可以核对签字')
    }
    if (expense.voided) throw new AppError('FAILED_PRECONDITION', '这笔支出已经作废')
    const household = await getHousehold(db, home)
    try {
      await db.collection<CountersignDoc>(FEE_COLLECTIONS.countersigns).add({
        data: {
          _id: `${expenseId}_${context.openid}`,
          expenseId,
          buildingId: expense.buildingId,
          openid: context.openid,
          room: household.room,
          at: context.now(),
        },
      })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      throw new AppError('ALREADY_EXISTS', '您已经核对签字过了')
    }
    return expenseView(expense, await loadCountersigns(db, [expenseId]), {
      openid: context.openid,
      homes: access.homes,
      showNote: canManage(access),
    })
  },
})

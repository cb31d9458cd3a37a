import type { Page } from '../../../typings/community'
import type { ExpenseView } from '../../../typings/fees'
import { pageOf, pagingInput } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { buildingAccess, canManage } from '../lib/access'
import { expenseViews } from '../lib/expenses'
import { FEE_COLLECTIONS, type ExpenseDoc } from '../lib/model'

/** The building's expenses, newest first, each with its photos and countersignatures. */
export const listExpenses = defineAction({
  input: input({ buildingId: docId('楼栋'), ...pagingInput }),
  async run({ buildingId, ...paging }, context): Promise<Page<ExpenseView>> {
    const db = context.cloud.database()
    const access = await buildingAccess(db, context, buildingId, { named: false })
    const { rows, nextCursor } = await pageOf<ExpenseDoc>(
      db,
      FEE_COLLECTIONS.expenses,
      { buildingId },
      'recordedAt',
      paging,
    )
    return {
      items: await expenseViews(db, rows, {
        openid: context.openid,
        homes: access.homes,
        showNote: canManage(access),
      }),
      nextCursor,
    }
  },
})

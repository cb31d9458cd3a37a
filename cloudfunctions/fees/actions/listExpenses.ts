import type { Page } from '../../../typings/community'
import type { ExpenseView } from '../../../typings/fees'
import { afterCursor, pageCursor, pageSize, toPage } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { buildingAccess, canManage, requireViewer } from '../lib/access'
import { expenseViews } from '../lib/expenses'
import { FEE_COLLECTIONS, type ExpenseDoc } from '../lib/model'

/** The building's expenses, newest first, each with its photos and countersignatures. */
export const listExpenses = defineAction({
  input: input({
    buildingId: docId('楼栋'),
    cursor: pageCursor().optional(),
    pageSize: pageSize().optional(),
  }),
  async run({ buildingId, cursor, pageSize: size = 20 }, context): Promise<Page<ExpenseView>> {
    const db = context.cloud.database()
    const access = await buildingAccess(db, context.openid, buildingId, { named: false })
    requireViewer(access)
    const { data } = await db
      .collection<ExpenseDoc>(FEE_COLLECTIONS.expenses)
      .where(afterCursor(db, { buildingId }, 'recordedAt', cursor))
      .orderBy('recordedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(size + 1)
      .get()
    const { rows, nextCursor } = toPage(data, size, (e) => new Date(e.recordedAt))
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

import type { Page } from '../../../typings/community'
import type { ReceiptView } from '../../../typings/fees'
import { afterCursor, pageCursor, pageSize, toPage } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { buildingAccess, canManage, requireViewer } from '../lib/access'
import { FEE_COLLECTIONS, type ReceiptDoc } from '../lib/model'
import { receiptView } from '../lib/views'

/** The building's receipts, newest first, voided ones marked: part of the open account. */
export const listReceipts = defineAction({
  input: input({
    buildingId: docId('楼栋'),
    cursor: pageCursor().optional(),
    pageSize: pageSize().optional(),
  }),
  async run({ buildingId, cursor, pageSize: size = 20 }, context): Promise<Page<ReceiptView>> {
    const db = context.cloud.database()
    const access = await buildingAccess(db, context.openid, buildingId, { named: false })
    requireViewer(access)
    const { data } = await db
      .collection<ReceiptDoc>(FEE_COLLECTIONS.receipts)
      .where(afterCursor(db, { buildingId }, 'recordedAt', cursor))
      .orderBy('recordedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(size + 1)
      .get()
    const { rows, nextCursor } = toPage(data, size, (r) => new Date(r.recordedAt))
    const manager = canManage(access)
    return {
      items: rows.map((r) => receiptView(r, manager || access.homes.includes(r.householdId))),
      nextCursor,
    }
  },
})

import type { Page } from '../../../typings/community'
import type { ReceiptView } from '../../../typings/fees'
import { pageOf, pagingInput } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { buildingAccess, canManage } from '../lib/access'
import { FEE_COLLECTIONS, type ReceiptDoc } from '../lib/model'
import { receiptView } from '../lib/views'

/** The building's receipts, newest first, voided ones marked: part of the open account. */
export const listReceipts = defineAction({
  input: input({ buildingId: docId('楼栋'), ...pagingInput }),
  async run({ buildingId, ...paging }, context): Promise<Page<ReceiptView>> {
    const db = context.cloud.database()
    const access = await buildingAccess(db, context, buildingId, { named: false })
    const { rows, nextCursor } = await pageOf<ReceiptDoc>(
      db,
      FEE_COLLECTIONS.receipts,
      { buildingId },
      'recordedAt',
      paging,
    )
    const manager = canManage(access)
    return {
      items: rows.map((r) => receiptView(r, manager || access.homes.includes(r.householdId))),
      nextCursor,
    }
  },
})

import type { FeesActions } from '../../../typings/fees'
import { getCommunity, load } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { buildingAccess, canManage } from '../lib/access'
import { FEE_COLLECTIONS, type ReceiptDoc } from '../lib/model'
import { receiptView } from '../lib/views'

/** One receipt, for its image (收据): the household, anyone in the building, heads and staff. */
export const getReceipt = defineAction({
  input: input({ receiptId: docId('收据') }),
  async run({ receiptId }, context): Promise<FeesActions['getReceipt']['output']> {
    const db = context.cloud.database()
    const receipt = await load<ReceiptDoc>(db, FEE_COLLECTIONS.receipts, receiptId, '收据', '张')
    const access = await buildingAccess(db, context, receipt.buildingId)
    const community = await getCommunity(db, receipt.communityId)
    return {
      ...receiptView(receipt, canManage(access) || access.homes.includes(receipt.householdId)),
      buildingName: access.buildingName,
      communityName: community.name,
      canVoid: access.head && !receipt.voided,
    }
  },
})

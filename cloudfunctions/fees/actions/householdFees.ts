import type { HouseholdFeesView } from '../../../typings/fees'
import { getHousehold } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { buildingAccess } from '../lib/access'
import { FEE_COLLECTIONS, type ReceiptDoc } from '../lib/model'
import { loadPlan, nowMonthOf, planSummary } from '../lib/plan'
import { periodInForce } from '../lib/periods'
import { householdPeriods, paidKeys } from '../lib/status'
import { receiptView } from '../lib/views'

/**
 * One household's fees: every period of the plan with its status (paid with its receipt,
 * exempt, due, overdue, upcoming) and the household's receipts. For the household's residents,
 * the building's heads and the community's staff.
 */
export const householdFees = defineAction({
  input: input({ householdId: docId('房屋') }),
  async run({ householdId }, context): Promise<HouseholdFeesView> {
    const db = context.cloud.database()
    const household = await getHousehold(db, householdId)
    const access = await buildingAccess(db, context, household.buildingId)
    const [plan, paid, { data: receipts }] = await Promise.all([
      loadPlan(db, household.buildingId),
      paidKeys(db, { householdId }),
      db
        .collection<ReceiptDoc>(FEE_COLLECTIONS.receipts)
        .where({ householdId })
        .orderBy('recordedAt', 'desc')
        .limit(50)
        .get(),
    ])
    const versions = plan?.versions ?? []
    const nowMonth = nowMonthOf(context.now())
    const periods = householdPeriods(versions, householdId, paid, nowMonth, 12)
    const unpaid = periods.filter((p) => p.status === 'due' || p.status === 'overdue')
    return {
      household: {
        id: household._id,
        room: household.room,
        buildingId: household.buildingId,
        buildingName: access.buildingName,
      },
      plan: planSummary(periodInForce(versions, nowMonth)),
      periods: periods.reverse(),
      totals: {
        unpaidFen: unpaid.reduce((sum, p) => sum + p.amountFen, 0),
        dueCount: unpaid.filter((p) => p.status === 'due').length,
        overdueCount: unpaid.filter((p) => p.status === 'overdue').length,
        paidCount: periods.filter((p) => p.status === 'paid').length,
      },
      receipts: receipts.map((r) => receiptView(r, true)),
      canRecord: access.head,
    }
  },
})

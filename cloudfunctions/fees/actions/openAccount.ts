import type { OpenAccountView, RoomStatus } from '../../../typings/fees'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { buildingAccess, canManage } from '../lib/access'
import { expenseViews } from '../lib/expenses'
import { buildingLedgers, totalsOf } from '../lib/ledger'
import { FEE_COLLECTIONS, type ExpenseDoc } from '../lib/model'
import { loadPlan, nowMonthOf, planSummary } from '../lib/plan'
import { periodInForce, periodRef, periodsBetween, scheduledPeriod } from '../lib/periods'
import { periodKey } from '../lib/inputs'
import { buildingHouseholds, claimId, exemptionOf, paidKeys } from '../lib/status'

/**
 * The building's open account (公开账本): income, voided income, expenses and the balance, all
 * time and per year, from the running totals; every room's status for a period (room numbers,
 * never names); the newest expenses with their photos and countersignatures.
 */
export const openAccount = defineAction({
  input: input({ buildingId: docId('楼栋'), period: periodKey('期').optional() }),
  async run({ buildingId, period: asked }, context): Promise<OpenAccountView> {
    const db = context.cloud.database()
    const access = await buildingAccess(db, context, buildingId)
    const nowMonth = nowMonthOf(context.now())
    const [plan, ledgers, { data: expenses }] = await Promise.all([
      loadPlan(db, buildingId),
      buildingLedgers(db, buildingId),
      db
        .collection<ExpenseDoc>(FEE_COLLECTIONS.expenses)
        .where({ buildingId })
        .orderBy('recordedAt', 'desc')
        .limit(5)
        .get(),
    ])
    const versions = plan?.versions ?? []
    const inForce = periodInForce(versions, nowMonth)
    const period = asked ? scheduledPeriod(versions, asked) : inForce
    if (asked && !period) {
      throw new AppError('INVALID_ARGUMENT', '本楼的收费标准里没有这一期', [
        { field: 'period', message: asked },
      ])
    }
    const rooms: OpenAccountView['rooms'] = []
    const counts = { paid: 0, unpaid: 0, exempt: 0 }
    if (period) {
      const [households, paid] = await Promise.all([
        buildingHouseholds(db, buildingId),
        paidKeys(db, { buildingId, period: period.key }),
      ])
      for (const household of households) {
        const status: RoomStatus = paid.has(claimId(household._id, period.key))
          ? 'paid'
          : exemptionOf(period, household._id)
            ? 'exempt'
            : 'unpaid'
        counts[status] += 1
        rooms.push({ room: household.room, status })
      }
    }
    const started =
      versions.length > 0 ? periodsBetween(versions, versions[0]!.startMonth, nowMonth) : []
    return {
      building: {
        id: buildingId,
        name: access.buildingName,
        communityId: access.building.communityId,
      },
      plan: planSummary(inForce),
      totals: totalsOf(ledgers),
      years: ledgers.map((l) => ({ year: l.year, ...totalsOf([l]) })),
      period: period ? periodRef(period.key) : null,
      periodOptions: started
        .slice(-36)
        .reverse()
        .map((p) => periodRef(p.key)),
      rooms,
      counts,
      expenses: await expenseViews(db, expenses, {
        openid: context.openid,
        homes: access.homes,
        showNote: canManage(access),
      }),
      can: { record: access.head, manage: canManage(access) },
    }
  },
})

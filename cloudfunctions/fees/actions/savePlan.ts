import { z } from 'zod'
import type { FeePlanView } from '../../../typings/fees'
import { appendAudit } from '../../shared/audit'
import { AppError } from '../../shared/errors'
import { isDuplicateKey } from '../../shared/idempotency'
import { byIds } from '../../shared/lookups'
import { COLLECTIONS, type HouseholdDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input, oneOf, requestId, text } from '../../shared/validation'
import { checkText } from '../../shared/contentCheck'
import { buildingAccess } from '../lib/access'
import { amount, periodKey, receiptPrefix } from '../lib/inputs'
import { requireWithinLimit } from '../lib/limits'
import { FEE_COLLECTIONS, type FeeExemption, type FeePlanDoc, type PlanVersion } from '../lib/model'
import { loadPlan, nowMonthOf, planView } from '../lib/plan'
import { newVersionProblem, parsePeriod } from '../lib/periods'

/**
 * The head records the plan: amount per household per period, the cycle, the first period and
 * the exempt households. A plan is never edited: a new version applies from a future period on,
 * and every version stays visible.
 */
export const savePlan = defineAction({
  input: input({
    buildingId: docId('楼栋'),
    amountFen: amount('每期金额'),
    cycle: oneOf('收费周期', ['month', 'quarter', 'year']),
    startPeriod: periodKey('起始期'),
    receiptPrefix: receiptPrefix(),
    exemptions: z
      .array(
        z.strictObject({
          householdId: docId('房屋'),
          kind: oneOf('免缴类型', ['vacant', 'hardship']),
          reason: text('免缴理由', { max: 50 }),
        }),
        { error: '免缴名单格式不正确' },
      )
      .max(500, { error: '免缴名单最多 500 户' })
      .refine((list) => new Set(list.map((e) => e.householdId)).size === list.length, {
        error: '免缴名单里有重复的房屋',
      }),
    note: text('说明', { max: 100 }).optional(),
    requestId: requestId(),
  }),
  async run(plan, context): Promise<FeePlanView> {
    const db = context.cloud.database()
    const access = await buildingAccess(db, context, plan.buildingId)
    requireWithinLimit(plan.amountFen)
    const now = context.now()
    const existing = await loadPlan(db, plan.buildingId)
    const versions = existing?.versions ?? []
    // The same request again (a retry): answer what it did the first time.
    if (versions.some((v) => v.requestId === plan.requestId && v.createdBy === context.openid)) {
      return planView(access, versions, now)
    }
    const problem = newVersionProblem(versions, plan.cycle, plan.startPeriod, nowMonthOf(now))
    if (problem) {
      throw new AppError('INVALID_ARGUMENT', problem, [{ field: 'startPeriod', message: problem }])
    }
    const households = await byIds<HouseholdDoc>(
      db,
      COLLECTIONS.households,
      plan.exemptions.map((e) => e.householdId),
    )
    const exemptions: FeeExemption[] = plan.exemptions.map((e, i) => {
      const household = households.get(e.householdId)
      if (!household || household.buildingId !== plan.buildingId) {
        throw new AppError('INVALID_ARGUMENT', '免缴名单里有不属于本楼的房屋', [
          { field: `exemptions.${i}.householdId`, message: '不是本楼的房屋' },
        ])
      }
      return { householdId: e.householdId, room: household.room, kind: e.kind, reason: e.reason }
    })
    await checkText(
      context.cloud,
      context.openid,
      [plan.note ?? '', ...exemptions.map((e) => e.reason)].join('\n').trim(),
      2,
    )

    const version: PlanVersion = {
      version: versions.length + 1,
      amountFen: plan.amountFen,
      cycle: plan.cycle,
      startPeriod: plan.startPeriod,
      startMonth: parsePeriod(plan.startPeriod)!.startMonth,
      exemptions,
      ...(plan.note ? { note: plan.note } : {}),
      receiptPrefix: plan.receiptPrefix,
      requestId: plan.requestId,
      createdBy: context.openid,
      createdAt: now,
    }
    const plans = db.collection<FeePlanDoc>(FEE_COLLECTIONS.plans)
    const conflict = new AppError('CONFLICT', '有人刚刚修改了收费标准，请刷新后再试')
    if (!existing) {
      try {
        await plans.add({
          data: {
            _id: plan.buildingId,
            buildingId: plan.buildingId,
            communityId: access.building.communityId,
            versions: [version],
            versionCount: 1,
            updatedAt: now,
          },
        })
      } catch (error) {
        if (isDuplicateKey(error)) throw conflict
        throw error
      }
    } else {
      // Appends only if nobody appended since we read: versions stay in the order they were decided.
      const _ = db.command
      const { stats } = await plans
        .where({ _id: plan.buildingId, versionCount: existing.versionCount })
        .update({
          data: {
            versions: _['push']!([version]),
            versionCount: _['inc']!(1),
            updatedAt: now,
          },
        })
      if (stats.updated !== 1) throw conflict
    }
    await appendAudit(db, {
      actor: context.openid,
      action: 'fees.savePlan',
      target: { collection: FEE_COLLECTIONS.plans, id: plan.buildingId },
      communityId: access.building.communityId,
      before: versions.length > 0 ? { version: versions[versions.length - 1] } : null,
      after: { version },
    })
    return planView(access, [...versions, version], now)
  },
})

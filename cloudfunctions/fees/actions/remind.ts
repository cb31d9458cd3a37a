import { appendAudit } from '../../shared/audit'
import { AppError } from '../../shared/errors'
import { isDuplicateKey } from '../../shared/idempotency'
import { getHousehold } from '../../shared/lookups'
import { COLLECTIONS, type BindingDoc } from '../../shared/model'
import { formatFen } from '../../shared/money'
import { sendSubscribeMessage } from '../../shared/notify'
import { defineAction } from '../../shared/router'
import { dayKey } from '../../shared/time'
import { docId, input } from '../../shared/validation'
import { buildingAccess } from '../lib/access'
import { FEE_COLLECTIONS, type ReminderDoc } from '../lib/model'
import { nowMonthOf, requirePlan } from '../lib/plan'
import { arrearsOf, paidKeys } from '../lib/status'

/**
 * The head reminds a household in arrears: a 缴费提醒 subscribe message to each resident bound
 * to it (those who allowed it receive it). At most once per household and day.
 */
export const remind = defineAction({
  input: input({ householdId: docId('房屋') }),
  async run({ householdId }, context) {
    const db = context.cloud.database()
    const household = await getHousehold(db, householdId)
    const access = await buildingAccess(db, context, household.buildingId)
    const now = context.now()
    const versions = await requirePlan(db, household.buildingId)
    const [row] = arrearsOf(
      versions,
      [household],
      await paidKeys(db, { householdId }),
      nowMonthOf(now),
    )
    if (!row) throw new AppError('FAILED_PRECONDITION', `${household.room} 没有欠费，不需要提醒`)
    const { data: bindings } = await db
      .collection<BindingDoc>(COLLECTIONS.bindings)
      .where({ householdId, status: 'approved' })
      .limit(100)
      .get()
    if (bindings.length === 0) {
      throw new AppError(
        'FAILED_PRECONDITION',
        `${household.room} 还没有住户绑定，无法在小程序里提醒，请当面或电话联系`,
      )
    }
    const day = dayKey(now)
    const reminders = db.collection<ReminderDoc>(FEE_COLLECTIONS.reminders)
    const reminderId = `${householdId}_${day}`
    try {
      await reminders.add({
        data: {
          _id: reminderId,
          buildingId: household.buildingId,
          householdId,
          day,
          by: context.openid,
          residents: bindings.length,
          sent: 0,
          at: now,
        },
      })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      throw new AppError('RESOURCE_EXHAUSTED', `今天已经提醒过 ${household.room} 了，明天再试`)
    }
    const first = row.periods[0]!
    const outcomes = await Promise.all(
      bindings.map((binding) =>
        sendSubscribeMessage(context.cloud, {
          touser: binding.openid,
          template: 'feeReminder',
          page: `subpackages/fees/household/index?householdId=${householdId}`,
          data: {
            thing1: `${access.buildingName}管理费`,
            amount2: formatFen(row.amountFen),
            thing3:
              row.periods.length === 1
                ? `欠缴${first.label}`
                : `欠缴${row.periods.length}期，${first.label}起`,
            thing4: '请联系楼栋长缴纳，谢谢',
          },
        }),
      ),
    )
    const count = (outcome: string) => outcomes.filter((o) => o === outcome).length
    const result = {
      residents: bindings.length,
      sent: count('sent'),
      notGranted: count('not-granted'),
      failed: count('failed') + count('no-template'),
    }
    await reminders.doc(reminderId).update({ data: { sent: result.sent } })
    await appendAudit(db, {
      actor: context.openid,
      action: 'fees.remind',
      target: { collection: FEE_COLLECTIONS.reminders, id: reminderId },
      communityId: household.communityId,
      after: { householdId, periods: row.periods.map((p) => p.key), ...result },
    })
    return result
  },
})

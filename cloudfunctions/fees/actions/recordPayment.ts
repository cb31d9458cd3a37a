import { z } from 'zod'
import type { ReceiptView } from '../../../typings/fees'
import { checkText } from '../../shared/contentCheck'
import { AppError } from '../../shared/errors'
import { requestScopedId } from '../../shared/idempotency'
import { getHousehold } from '../../shared/lookups'
import { formatFen } from '../../shared/money'
import { defineAction } from '../../shared/router'
import { yearOf } from '../../shared/time'
import { docId, input, oneOf, requestId, text } from '../../shared/validation'
import { buildingAccess } from '../lib/access'
import { amount, day, notInFuture, periodKey } from '../lib/inputs'
import { ledgerId } from '../lib/ledger'
import { payInLine, SETTLE_MS } from '../lib/line'
import { requireWithinLimit } from '../lib/limits'
import { FEE_COLLECTIONS, type ClaimDoc, type ReceiptDoc } from '../lib/model'
import { nowMonthOf, requirePlan } from '../lib/plan'
import { comparePeriods, periodLabel, scheduledPeriod } from '../lib/periods'
import { exemptionOf, paidClaim } from '../lib/status'
import { receiptView } from '../lib/views'

function alreadyPaidError(room: string, claim: ClaimDoc): AppError {
  return new AppError(
    'ALREADY_EXISTS',
    `${room} 的${periodLabel(claim.period)}已经缴过了（收据 ${claim.receiptNumber}），不能重复收取`,
    [{ field: 'periods', message: claim.period }],
  )
}

/** How far ahead a household may pay. */
const PREPAY_MONTHS = 12

/**
 * The head records a payment: a household, the periods it covers, the amount (exactly what the
 * plan asks for those periods), how and when it was paid. It gets the building's next receipt
 * number of the year. The counter, the receipt, the household-period claims and the year's totals
 * are written in one transaction: no number is skipped or used twice, however many heads record
 * at once, and a household-period is paid at most once (ALREADY_EXISTS). Payments of one
 * building-year wait in one line and are recorded in batches (lib/line.ts), so that a crowd of
 * them all fit in the function's time. A retry or a double tap of the same request, after the
 * first or at the same time, answers the receipt the first made.
 */
export const recordPayment = defineAction({
  input: input({
    householdId: docId('房屋'),
    periods: z
      .array(periodKey('缴费期'), { error: '请选择缴费期' })
      .min(1, { error: '请至少选择一期' })
      .max(24, { error: '一次最多登记 24 期' })
      .refine((list) => new Set(list).size === list.length, { error: '缴费期不能重复' }),
    amountFen: amount(),
    method: oneOf('收款方式', ['cash', 'wechat', 'other']),
    paidOn: day('缴费日期'),
    note: text('备注', { max: 100 }).optional(),
    requestId: requestId(),
  }),
  async run(payment, context): Promise<ReceiptView> {
    const deadline = Date.now() + SETTLE_MS
    const db = context.cloud.database()
    const household = await getHousehold(db, payment.householdId)
    const access = await buildingAccess(db, context, household.buildingId, {
      named: false,
    })
    requireWithinLimit(payment.amountFen)
    const now = context.now()
    if (!notInFuture(payment.paidOn, now)) {
      throw new AppError('INVALID_ARGUMENT', '缴费日期不能晚于今天', [
        { field: 'paidOn', message: '晚于今天' },
      ])
    }
    const receiptId = requestScopedId('fr', context.openid, payment.requestId)
    const receipts = db.collection<ReceiptDoc>(FEE_COLLECTIONS.receipts)
    const repeat = (await receipts.doc(receiptId).get()).data
    if (repeat) return receiptView(repeat, true)

    const versions = await requirePlan(db, household.buildingId)
    const nowMonth = nowMonthOf(now)
    const periods = [...payment.periods].sort(comparePeriods)
    const amounts = periods.map((key) => {
      const period = scheduledPeriod(versions, key)
      if (!period) {
        throw new AppError('INVALID_ARGUMENT', `${periodLabel(key)}不是本楼收费标准里的一期`, [
          { field: 'periods', message: key },
        ])
      }
      if (period.startMonth > nowMonth + PREPAY_MONTHS) {
        throw new AppError('INVALID_ARGUMENT', `最多预收 ${PREPAY_MONTHS} 个月以内的费用`, [
          { field: 'periods', message: key },
        ])
      }
      const exemption = exemptionOf(period, household._id)
      if (exemption) {
        throw new AppError(
          'INVALID_ARGUMENT',
          `${household.room} 在${periodLabel(key)}免缴（${exemption.reason}）`,
          [{ field: 'periods', message: key }],
        )
      }
      return period.version.amountFen
    })
    const expected = amounts.reduce((sum, a) => sum + a, 0)
    if (payment.amountFen !== expected) {
      throw new AppError(
        'INVALID_ARGUMENT',
        `金额应为 ${formatFen(expected)}（${periods.length} 期共计）`,
        [{ field: 'amountFen', message: `应为 ${expected} 分` }],
      )
    }
    await checkText(context.cloud, context.openid, payment.note ?? '', 2)
    // A period already paid is refused at once, without waiting in line for the ledger; the
    // transaction that records the payment checks again, and that check is the one that counts.
    const paid = await paidClaim(db, household._id, periods)
    if (paid) {
      // Paid by this very request: a replay that looked for its receipt just before the first
      // call wrote it. It answers the same receipt, as a later replay does.
      const mine = paid.receiptId === receiptId ? (await receipts.doc(receiptId).get()).data : null
      if (mine) return receiptView(mine, true)
      throw alreadyPaidError(household.room, paid)
    }

    const year = yearOf(now)
    const { communityId, _id: buildingId } = access.building
    const outcome = await payInLine(
      db,
      {
        _id: receiptId,
        ledger: ledgerId(buildingId, year),
        receiptPrefix: versions[versions.length - 1]!.receiptPrefix,
        receipt: {
          communityId,
          buildingId,
          householdId: household._id,
          room: household.room,
          year,
          periods,
          periodAmounts: amounts,
          amountFen: payment.amountFen,
          method: payment.method,
          paidOn: payment.paidOn,
          ...(payment.note ? { note: payment.note } : {}),
          recordedBy: context.openid,
          recordedAt: now,
        },
      },
      now,
      deadline,
    )
    if ('paidBy' in outcome) throw alreadyPaidError(household.room, outcome.paidBy)
    return receiptView(outcome.receipt, true)
  },
})

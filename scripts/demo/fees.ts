/**
 * 楼栋管理费 of the demo: 继光花苑3号楼 collects ¥30 a month from each household (302 is vacant
 * and exempt) since six months ago. Most households have paid; 502 and 601 are behind, 黄大伯's
 * 301 has this month still to pay; one receipt was voided and issued again; the fund paid for
 * lights, cleaning and a notice board. The ledger documents agree with the receipts exactly, as
 * the function keeps them.
 */
import { ledgerId, emptyLedger } from '../../cloudfunctions/fees/lib/ledger'
import type {
  ClaimDoc,
  ExpenseDoc,
  FeePlanDoc,
  LedgerDoc,
  ReceiptDoc,
  VoidDoc,
} from '../../cloudfunctions/fees/lib/model'
import { monthIndex, monthOfIndex } from '../../cloudfunctions/fees/lib/periods'
import { dayKey, monthKey, yearOf } from '../../cloudfunctions/shared/time'

const BUILDING = 'b-jiguang-3'
const COMMUNITY = 'c-hefeng'
const HEAD = 'demo-head-jiguang-3'
const AMOUNT = 3000
const MONTHS = 6
const household = (room: string) => `h-jiguang-3-${room}`

export function demoFees(
  rooms: string[],
  now: Date,
): Record<string, Array<Record<string, unknown>>> {
  const current = monthIndex(monthKey(now))
  const first = current - MONTHS
  /** When the k-th entry of month m was recorded: the 10th of past months, just before now in this one. */
  const recordedAt = (m: number, k: number) =>
    m === current
      ? new Date(now.getTime() - (60 - k) * 60_000)
      : new Date(Date.parse(`${monthOfIndex(m)}-10T02:00:00Z`) + k * 60_000)

  const plan: FeePlanDoc = {
    _id: BUILDING,
    buildingId: BUILDING,
    communityId: COMMUNITY,
    versions: [
      {
        version: 1,
        amountFen: AMOUNT,
        cycle: 'month',
        startPeriod: monthOfIndex(first),
        startMonth: first,
        exemptions: [
          { householdId: household('302'), room: '302', kind: 'vacant', reason: '长期空置' },
        ],
        note: '按《楼栋管理公约》每户每月 30 元，用于楼道保洁与照明',
        receiptPrefix: 'JG3',
        requestId: 'demo-plan-1',
        createdBy: HEAD,
        createdAt: recordedAt(first, 0),
      },
    ],
    versionCount: 1,
    updatedAt: recordedAt(first, 0),
  }

  const receipts: ReceiptDoc[] = []
  const claims = new Map<string, ClaimDoc>()
  const voids: VoidDoc[] = []
  const ledgers = new Map<string, Omit<LedgerDoc, '_id'>>()
  const ledgerOf = (at: Date) => {
    const year = yearOf(at)
    const id = ledgerId(BUILDING, year)
    if (!ledgers.has(id)) ledgers.set(id, emptyLedger(BUILDING, COMMUNITY, year, at))
    const ledger = ledgers.get(id)!
    if (at > ledger.updatedAt) ledger.updatedAt = at
    return ledger
  }
  const issue = (room: string, m: number, k: number, method: ReceiptDoc['method']) => {
    const at = recordedAt(m, k)
    const ledger = ledgerOf(at)
    ledger.lastSeq += 1
    ledger.receiptCount += 1
    ledger.incomeFen += AMOUNT
    const period = monthOfIndex(m)
    const receipt: ReceiptDoc = {
      _id: `fr_demo_${receipts.length + 1}`,
      communityId: COMMUNITY,
      buildingId: BUILDING,
      householdId: household(room),
      room,
      year: ledger.year,
      seq: ledger.lastSeq,
      number: `JG3-${ledger.year}-${String(ledger.lastSeq).padStart(4, '0')}`,
      periods: [period],
      periodAmounts: [AMOUNT],
      amountFen: AMOUNT,
      method,
      paidOn: dayKey(at),
      recordedBy: HEAD,
      recordedAt: at,
    }
    receipts.push(receipt)
    claims.set(`${household(room)}_${period}`, {
      _id: `${household(room)}_${period}`,
      communityId: COMMUNITY,
      buildingId: BUILDING,
      householdId: household(room),
      period,
      amountFen: AMOUNT,
      receiptId: receipt._id,
      receiptNumber: receipt.number,
      active: true,
      updatedAt: at,
    })
    return receipt
  }

  /** A receipt issued to the wrong room, voided and issued again to the right one. */
  const correct = (m: number) => {
    const wrong = receipts.find((r) => r.room === '201' && r.periods[0] === monthOfIndex(m))!
    const voidedAt = new Date(wrong.recordedAt.getTime() + 30 * 60_000)
    const reason = '登记错了房号，应为 202 代缴'
    wrong.voided = { voidId: wrong._id, reason, by: HEAD, at: voidedAt }
    voids.push({
      _id: wrong._id,
      kind: 'receipt',
      communityId: COMMUNITY,
      buildingId: BUILDING,
      year: yearOf(voidedAt),
      amountFen: wrong.amountFen,
      reason,
      requestId: 'demo-void-1',
      by: HEAD,
      at: voidedAt,
    })
    const ledger = ledgerOf(voidedAt)
    ledger.voidedReceiptCount += 1
    ledger.voidedIncomeFen += wrong.amountFen
    claims.delete(`${wrong.householdId}_${wrong.periods[0]}`)
    issue('201', m, 40, 'cash')
  }

  for (let m = first; m <= current; m++) {
    rooms.forEach((room, k) => {
      if (room === '302') return
      if (room === '502' && m >= first + 2) return
      if (room === '601' && m >= current - 1) return
      if (m === current && ['301', '402', '501', '602'].includes(room)) return
      issue(room, m, k, k % 3 === 0 ? 'wechat' : 'cash')
    })
    if (m === first + 3) correct(m)
  }

  const expenses: ExpenseDoc[] = [
    [first + 1, 4550, '更换楼道声控灯 3 个'],
    [first + 2, 12000, '楼道保洁（两个月）'],
    [first + 4, 12000, '楼道保洁（两个月）'],
    [first + 5, 8800, '一楼公告栏更换'],
  ].map(([m, amountFen, purpose], i) => {
    const at = recordedAt(m as number, 50)
    const ledger = ledgerOf(at)
    ledger.expenseCount += 1
    ledger.expenseFen += amountFen as number
    return {
      _id: `fe_demo_${i + 1}`,
      communityId: COMMUNITY,
      buildingId: BUILDING,
      year: ledger.year,
      amountFen: amountFen as number,
      purpose: purpose as string,
      spentOn: dayKey(at),
      photos: [],
      recordedBy: HEAD,
      recordedAt: at,
    }
  })

  return {
    feePlans: [plan as unknown as Record<string, unknown>],
    feeReceipts: receipts as unknown as Array<Record<string, unknown>>,
    feeClaims: [...claims.values()] as unknown as Array<Record<string, unknown>>,
    feeVoids: voids as unknown as Array<Record<string, unknown>>,
    feeExpenses: expenses as unknown as Array<Record<string, unknown>>,
    feeCountersigns: [
      {
        _id: 'fe_demo_1_demo-resident-huang',
        expenseId: 'fe_demo_1',
        buildingId: BUILDING,
        openid: 'demo-resident-huang',
        room: '301',
        at: recordedAt(first + 1, 55),
      },
    ],
    feeLedgers: [...ledgers.entries()].map(([id, ledger]) => ({ _id: id, ...ledger })),
  }
}

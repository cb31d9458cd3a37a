/**
 * The documents of 楼栋管理费, as stored. The ledger is append-only: receipts, expenses and voids
 * are added and never edited or removed; voiding adds a void entry and stamps the voided document
 * 作废 in the same transaction. Claims and ledger summaries are derived records kept in step with
 * the ledger inside the same transactions.
 */
import type { ExemptionKind, FeeCycle, PaymentMethod } from '../../../typings/fees'

export const FEE_COLLECTIONS = {
  /** One per building (`_id` = buildingId), its plan versions in order. */
  plans: 'feePlans',
  /** One per payment, `_id` from the request; never edited except for the void stamp. */
  receipts: 'feeReceipts',
  /** `<householdId>_<period>`: which receipt pays a household-period (none once voided). */
  claims: 'feeClaims',
  /** What the fund paid for, `_id` from the request. */
  expenses: 'feeExpenses',
  /** Voids of receipts and expenses: `_id` = the voided document's id, so a second void is impossible. */
  voids: 'feeVoids',
  /** `<expenseId>_<openid>`: a resident's countersignature of an expense. */
  countersigns: 'feeCountersigns',
  /** `<buildingId>_<year>`: the year's receipt counter and running totals. */
  ledgers: 'feeLedgers',
  /** `<householdId>_<day>`: reminders sent, at most one per household and day. */
  reminders: 'feeReminders',
  /** `<buildingId>_<year>`: a short lease that lines up writers before their transaction. */
  locks: 'feeLocks',
  /** `_id` = the receipt's id to be: a payment waiting for its building-year's next numbers. */
  line: 'feePaymentLine',
} as const

export interface FeeExemption {
  householdId: string
  room: string
  kind: ExemptionKind
  reason: string
}

export interface PlanVersion {
  version: number
  amountFen: number
  cycle: FeeCycle
  /** The period key it starts at, and that period's first month as an index (year × 12 + month − 1). */
  startPeriod: string
  startMonth: number
  exemptions: FeeExemption[]
  note?: string
  receiptPrefix: string
  requestId: string
  createdBy: string
  createdAt: Date
}

export interface FeePlanDoc {
  _id: string
  buildingId: string
  communityId: string
  /** Oldest first; a version truncates every earlier one from its start on. */
  versions: PlanVersion[]
  versionCount: number
  updatedAt: Date
}

export interface VoidStamp {
  voidId: string
  reason: string
  by: string
  at: Date
}

export interface ReceiptDoc {
  _id: string
  communityId: string
  buildingId: string
  householdId: string
  room: string
  /** The Beijing year it was recorded in, and its place in that year's sequence. */
  year: number
  seq: number
  number: string
  periods: string[]
  /** The amount due of each period, in the order of `periods`. */
  periodAmounts: number[]
  amountFen: number
  method: PaymentMethod
  paidOn: string
  note?: string
  recordedBy: string
  recordedAt: Date
  voided?: VoidStamp
}

export interface ClaimDoc {
  _id: string
  communityId: string
  buildingId: string
  householdId: string
  period: string
  amountFen: number
  /** The receipt paying it; null after that receipt was voided. */
  receiptId: string | null
  receiptNumber: string | null
  active: boolean
  updatedAt: Date
}

export interface ExpenseDoc {
  _id: string
  communityId: string
  buildingId: string
  year: number
  amountFen: number
  purpose: string
  spentOn: string
  photos: string[]
  note?: string
  recordedBy: string
  recordedAt: Date
  voided?: VoidStamp
}

export interface VoidDoc {
  _id: string
  kind: 'receipt' | 'expense'
  communityId: string
  buildingId: string
  /** The Beijing year the void was recorded in: the ledger year it counts against. */
  year: number
  amountFen: number
  reason: string
  requestId: string
  by: string
  at: Date
}

export interface CountersignDoc {
  _id: string
  expenseId: string
  buildingId: string
  openid: string
  room: string
  at: Date
}

export interface LedgerDoc {
  _id: string
  communityId: string
  buildingId: string
  year: number
  /** The last receipt number issued this year: the next one is lastSeq + 1. */
  lastSeq: number
  receiptCount: number
  incomeFen: number
  voidedReceiptCount: number
  voidedIncomeFen: number
  expenseCount: number
  expenseFen: number
  voidedExpenseCount: number
  voidedExpenseFen: number
  updatedAt: Date
}

export interface LockDoc {
  _id: string
  holder: string
  /** Epoch milliseconds; the lease is free once passed. */
  until: number
}

/** A payment in line for its number: the receipt as it will be, less its number. */
export interface QueuedPaymentDoc {
  _id: string
  /** The ledger it waits for, `<buildingId>_<year>`. */
  ledger: string
  /** Epoch milliseconds by the real clock: the order of the line. */
  queuedAt: number
  receiptPrefix: string
  receipt: Omit<ReceiptDoc, '_id' | 'seq' | 'number' | 'voided'>
  /** Set by a caller that gave up: no holder records it any more, the next one clears it. */
  withdrawn?: boolean
}

export interface ReminderDoc {
  _id: string
  buildingId: string
  householdId: string
  day: string
  by: string
  residents: number
  sent: number
  at: Date
}

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: '现金',
  wechat: '微信转账',
  other: '其他',
}

export const CYCLE_LABELS: Record<FeeCycle, string> = {
  month: '每月',
  quarter: '每季度',
  year: '每年',
}

export const EXEMPTION_LABELS: Record<ExemptionKind, string> = {
  vacant: '空置',
  hardship: '困难',
}

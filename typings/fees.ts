/**
 * Function `fees`: 楼栋管理费, a building's fee plan, receipts, expenses and open account.
 * Money is integer fen everywhere; instants are ISO strings; periods are keys such as
 * `2026-03` (a month), `2026-Q1` (a quarter) or `2026` (a year).
 */
import type { Page } from './community'

export type FeeCycle = 'month' | 'quarter' | 'year'
export type PaymentMethod = 'cash' | 'wechat' | 'other'
export type ExemptionKind = 'vacant' | 'hardship'

/**
 * A household's period: `paid` (a valid receipt covers it), `exempt`, `due` (started, not yet
 * over), `overdue` (over and unpaid), `upcoming` (not started; may be paid ahead).
 */
export type PeriodStatus = 'paid' | 'exempt' | 'due' | 'overdue' | 'upcoming'

export interface PeriodRef {
  key: string
  /** 2026年3月 · 2026年第1季度 · 2026年 */
  label: string
}

export interface FeeExemptionView {
  householdId: string
  room: string
  kind: ExemptionKind
  reason: string
}

export interface FeePlanVersionView {
  version: number
  amountFen: number
  cycle: FeeCycle
  start: PeriodRef
  exemptions: FeeExemptionView[]
  note: string | null
  createdAt: string
}

export interface FeePlanView {
  buildingId: string
  /** 继光花苑 3号楼 */
  buildingName: string
  communityId: string
  receiptPrefix: string | null
  /** Every version, oldest first; none before the head sets the first. */
  versions: FeePlanVersionView[]
  /** The version in force this month, or null before the plan starts. */
  current: FeePlanVersionView | null
  /** A version recorded to start in a future period. */
  upcoming: FeePlanVersionView | null
  /** The caller may record a new version (the building's heads). */
  canEdit: boolean
  /** Periods a new version may start at, per cycle (the first version may start in the past). */
  startOptions: Record<FeeCycle, PeriodRef[]>
  /** The deployment's limit on one amount, in fen. */
  maxAmountFen: number
}

export interface ReceiptView {
  id: string
  /** JG3-2026-0042: per building and year, consecutive. */
  number: string
  buildingId: string
  householdId: string
  room: string
  periods: PeriodRef[]
  amountFen: number
  method: PaymentMethod
  /** 现金 · 微信转账 · 其他 */
  methodLabel: string
  /** The day the household paid, YYYY-MM-DD (Beijing). */
  paidOn: string
  /** Only for the household itself and the building's managers. */
  note?: string
  recordedAt: string
  /** Set once voided (作废); the receipt itself is never changed otherwise. */
  voided: { reason: string; at: string } | null
}

export interface ExpenseView {
  id: string
  buildingId: string
  amountFen: number
  purpose: string
  /** YYYY-MM-DD (Beijing). */
  spentOn: string
  /** fileIDs of the receipt photos (shown with services/upload photoSrc). */
  photos: string[]
  note?: string
  recordedAt: string
  voided: { reason: string; at: string } | null
  /** Residents who checked it, by room, oldest first. */
  countersigns: Array<{ room: string; at: string }>
  /** The caller is a resident of the building who may still countersign it. */
  canCountersign: boolean
}

/** Running totals in fen; the balance is income − voided income − (expenses − voided expenses). */
export interface LedgerTotals {
  incomeFen: number
  voidedIncomeFen: number
  expenseFen: number
  voidedExpenseFen: number
  balanceFen: number
  receiptCount: number
  voidedReceiptCount: number
  expenseCount: number
  voidedExpenseCount: number
}

export interface HouseholdPeriodView extends PeriodRef {
  amountFen: number
  status: PeriodStatus
  receipt?: { id: string; number: string }
  exemptReason?: string
}

/** The plan in force now, in short: what a household pays and how often. */
export interface PlanSummary {
  amountFen: number
  cycle: FeeCycle
  cycleLabel: string
}

export interface HouseholdFeesView {
  household: { id: string; room: string; buildingId: string; buildingName: string }
  plan: PlanSummary | null
  /** From the plan's first period to 12 months ahead, newest first. */
  periods: HouseholdPeriodView[]
  totals: { unpaidFen: number; dueCount: number; overdueCount: number; paidCount: number }
  /** The household's receipts, newest first (voided ones included). */
  receipts: ReceiptView[]
  /** The caller may record payments for this household. */
  canRecord: boolean
}

export type RoomStatus = 'paid' | 'unpaid' | 'exempt'

export interface OpenAccountView {
  building: { id: string; name: string; communityId: string }
  plan: PlanSummary | null
  /** All time. */
  totals: LedgerTotals
  /** Per year the entries were recorded, newest first. */
  years: Array<LedgerTotals & { year: number }>
  /** The period the room list is for (the current one unless asked), null without a plan. */
  period: PeriodRef | null
  /** Periods the room list can show, newest first. */
  periodOptions: PeriodRef[]
  /** Every room with its status for the period: room numbers, never names. */
  rooms: Array<{ room: string; status: RoomStatus }>
  counts: { paid: number; unpaid: number; exempt: number }
  /** The newest expenses, with photos. */
  expenses: ExpenseView[]
  can: { record: boolean; manage: boolean }
}

export interface ArrearsRow {
  householdId: string
  room: string
  periods: Array<PeriodRef & { amountFen: number; overdue: boolean }>
  amountFen: number
  /** Residents bound to the household (who a reminder reaches). */
  residents: number
  remindedToday: boolean
}

export interface ArrearsView {
  buildingId: string
  buildingName: string
  /** Households with at least one unpaid period that has started. */
  items: ArrearsRow[]
  /** Over every page. */
  totals: { households: number; periods: number; amountFen: number }
  nextCursor: string | null
  /** The caller may send reminders (the building's heads). */
  canRemind: boolean
}

export interface CollectionRateRow {
  buildingId: string
  buildingName: string
  /** The building's period that contains the month asked; null without a plan then. */
  period: PeriodRef | null
  households: number
  exempt: number
  paid: number
  unpaid: number
  /** paid / (households − exempt), in percent with one decimal; null when nothing is due. */
  ratePercent: number | null
  dueFen: number
  paidFen: number
  balanceFen: number
}

export interface CollectionRatesView {
  communityId: string
  month: string
  rows: CollectionRateRow[]
  totals: { households: number; exempt: number; paid: number; dueFen: number; paidFen: number }
}

export interface LedgerExport {
  fileID: string
  tempFileURL: string
  fileName: string
  period: PeriodRef
  totals: {
    openingFen: number
    incomeFen: number
    voidedIncomeFen: number
    expenseFen: number
    voidedExpenseFen: number
    closingFen: number
    receiptCount: number
    expenseCount: number
    arrearsHouseholds: number
    arrearsFen: number
  }
}

export interface FeesActions {
  getPlan: { input: { buildingId: string }; output: FeePlanView }
  savePlan: {
    input: {
      buildingId: string
      amountFen: number
      cycle: FeeCycle
      /** A period key of `cycle`: where this version starts. */
      startPeriod: string
      /** Letters and digits that begin every receipt number, e.g. JG3. */
      receiptPrefix: string
      exemptions: Array<{ householdId: string; kind: ExemptionKind; reason: string }>
      note?: string
      requestId: string
    }
    output: FeePlanView
  }
  recordPayment: {
    input: {
      householdId: string
      periods: string[]
      amountFen: number
      method: PaymentMethod
      paidOn: string
      note?: string
      requestId: string
    }
    output: ReceiptView
  }
  voidReceipt: {
    input: { receiptId: string; reason: string; requestId: string }
    output: ReceiptView
  }
  recordExpense: {
    input: {
      buildingId: string
      amountFen: number
      purpose: string
      spentOn: string
      photos: string[]
      note?: string
      requestId: string
    }
    output: ExpenseView
  }
  voidExpense: {
    input: { expenseId: string; reason: string; requestId: string }
    output: ExpenseView
  }
  countersignExpense: { input: { expenseId: string }; output: ExpenseView }
  householdFees: { input: { householdId: string }; output: HouseholdFeesView }
  openAccount: { input: { buildingId: string; period?: string }; output: OpenAccountView }
  listReceipts: {
    input: { buildingId: string; cursor?: string; pageSize?: number }
    output: Page<ReceiptView>
  }
  listExpenses: {
    input: { buildingId: string; cursor?: string; pageSize?: number }
    output: Page<ExpenseView>
  }
  getReceipt: {
    input: { receiptId: string }
    output: ReceiptView & { buildingName: string; communityName: string; canVoid: boolean }
  }
  arrears: {
    input: { buildingId: string; cursor?: string; pageSize?: number }
    output: ArrearsView
  }
  remind: {
    input: { householdId: string }
    output: { residents: number; sent: number; notGranted: number; failed: number }
  }
  collectionRates: {
    input: { communityId: string; month: string }
    output: CollectionRatesView
  }
  exportLedger: { input: { buildingId: string; period: string }; output: LedgerExport }
}

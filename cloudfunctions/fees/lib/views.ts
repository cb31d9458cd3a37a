/** What the fee documents look like to callers: rooms, never names; notes only to those concerned. */
import type { ExpenseView, ReceiptView } from '../../../typings/fees'
import { METHOD_LABELS, type CountersignDoc, type ExpenseDoc, type ReceiptDoc } from './model'
import { comparePeriods, periodRef } from './periods'

export const iso = (value: Date | string): string => new Date(value).toISOString()

export function receiptView(receipt: ReceiptDoc, showNote: boolean): ReceiptView {
  return {
    id: receipt._id,
    number: receipt.number,
    buildingId: receipt.buildingId,
    householdId: receipt.householdId,
    room: receipt.room,
    periods: [...receipt.periods].sort(comparePeriods).map(periodRef),
    amountFen: receipt.amountFen,
    method: receipt.method,
    methodLabel: METHOD_LABELS[receipt.method],
    paidOn: receipt.paidOn,
    ...(showNote && receipt.note ? { note: receipt.note } : {}),
    recordedAt: iso(receipt.recordedAt),
    voided: receipt.voided ? { reason: receipt.voided.reason, at: iso(receipt.voided.at) } : null,
  }
}

export function expenseView(
  expense: ExpenseDoc,
  countersigns: readonly CountersignDoc[],
  viewer: { openid: string; homes: readonly string[]; showNote: boolean },
): ExpenseView {
  const signed = countersigns.filter((c) => c.expenseId === expense._id)
  return {
    id: expense._id,
    buildingId: expense.buildingId,
    amountFen: expense.amountFen,
    purpose: expense.purpose,
    spentOn: expense.spentOn,
    photos: [...expense.photos],
    ...(viewer.showNote && expense.note ? { note: expense.note } : {}),
    recordedAt: iso(expense.recordedAt),
    voided: expense.voided ? { reason: expense.voided.reason, at: iso(expense.voided.at) } : null,
    countersigns: signed
      .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
      .map((c) => ({ room: c.room, at: iso(c.at) })),
    canCountersign:
      viewer.homes.length > 0 &&
      !expense.voided &&
      expense.recordedBy !== viewer.openid &&
      !signed.some((c) => c.openid === viewer.openid),
  }
}

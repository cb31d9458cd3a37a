import type { LedgerExport } from '../../../typings/fees'
import { AppError } from '../../shared/errors'
import { byIds } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { monthRange } from '../../shared/time'
import { docId, input } from '../../shared/validation'
import { buildingAccess } from '../lib/access'
import { sumOf } from '../lib/aggregate'
import { buildingArrears } from '../lib/arrears'
import { periodKey } from '../lib/inputs'
import { balanceOf } from '../lib/ledger'
import { FEE_COLLECTIONS, type ExpenseDoc, type ReceiptDoc, type VoidDoc } from '../lib/model'
import { loadPlan, nowMonthOf } from '../lib/plan'
import { monthOfIndex, parsePeriod, periodLabel } from '../lib/periods'
import { fetchAll } from '../lib/status'
import { ledgerWorkbook } from '../lib/workbook'

interface Uploaded {
  fileID: string
}
interface TempUrls {
  fileList: Array<{ fileID: string; tempFileURL: string; status?: number }>
}

/**
 * Heads and staff export a period's ledger (a month, a quarter or a year, by when entries were
 * recorded) to .xlsx: opening balance, receipts, voids, expenses, closing balance and the
 * arrears up to the period's end. The workbook goes to cloud storage; the app opens it.
 */
export const exportLedger = defineAction({
  input: input({ buildingId: docId('楼栋'), period: periodKey('导出期间') }),
  async run({ buildingId, period: key }, context): Promise<LedgerExport> {
    const db = context.cloud.database()
    const access = await buildingAccess(db, context, buildingId)
    const now = context.now()
    const nowMonth = nowMonthOf(now)
    const period = parsePeriod(key)!
    if (period.startMonth > nowMonth) {
      throw new AppError('INVALID_ARGUMENT', `${periodLabel(key)}还没有开始，没有账目可以导出`, [
        { field: 'period', message: key },
      ])
    }
    const start = monthRange(monthOfIndex(period.startMonth)).start
    const end = monthRange(monthOfIndex(period.endMonth)).end
    const _ = db.command
    const inRange = _['gte']!(start) as { and(other: unknown): unknown }
    const range = inRange.and(_['lt']!(end))
    const before = _['lt']!(start)

    const [receipts, expenses, voids, opening, plan] = await Promise.all([
      fetchAll(() =>
        db
          .collection<ReceiptDoc>(FEE_COLLECTIONS.receipts)
          .where({ buildingId, recordedAt: range })
          .orderBy('recordedAt', 'asc')
          .orderBy('_id', 'asc'),
      ),
      fetchAll(() =>
        db
          .collection<ExpenseDoc>(FEE_COLLECTIONS.expenses)
          .where({ buildingId, recordedAt: range })
          .orderBy('recordedAt', 'asc')
          .orderBy('_id', 'asc'),
      ),
      fetchAll(() =>
        db
          .collection<VoidDoc>(FEE_COLLECTIONS.voids)
          .where({ buildingId, at: range })
          .orderBy('at', 'asc')
          .orderBy('_id', 'asc'),
      ),
      Promise.all([
        sumOf(db, FEE_COLLECTIONS.receipts, { buildingId, recordedAt: before }),
        sumOf(db, FEE_COLLECTIONS.voids, { buildingId, kind: 'receipt', at: before }),
        sumOf(db, FEE_COLLECTIONS.expenses, { buildingId, recordedAt: before }),
        sumOf(db, FEE_COLLECTIONS.voids, { buildingId, kind: 'expense', at: before }),
      ]),
      loadPlan(db, buildingId),
    ])
    const [incomeBefore, voidedIncomeBefore, expenseBefore, voidedExpenseBefore] = opening
    const openingFen = balanceOf({
      incomeFen: incomeBefore.sum,
      voidedIncomeFen: voidedIncomeBefore.sum,
      expenseFen: expenseBefore.sum,
      voidedExpenseFen: voidedExpenseBefore.sum,
    })
    const sum = (rows: Array<{ amountFen: number }>) => rows.reduce((s, r) => s + r.amountFen, 0)
    const incomeFen = sum(receipts)
    const voidedIncomeFen = sum(voids.filter((v) => v.kind === 'receipt'))
    const expenseFen = sum(expenses)
    const voidedExpenseFen = sum(voids.filter((v) => v.kind === 'expense'))
    const arrears = await buildingArrears(
      db,
      buildingId,
      plan?.versions ?? [],
      Math.min(period.endMonth, nowMonth),
      now,
    )

    // What a void refers to: the receipt's number or the expense's purpose, also for entries
    // recorded before the period.
    const labels = new Map<string, string>()
    for (const r of receipts) labels.set(r._id, r.number)
    for (const e of expenses) labels.set(e._id, e.purpose)
    const unknown = (kind: VoidDoc['kind']) =>
      voids.filter((v) => v.kind === kind && !labels.has(v._id)).map((v) => v._id)
    const [earlierReceipts, earlierExpenses] = await Promise.all([
      byIds<ReceiptDoc>(db, FEE_COLLECTIONS.receipts, unknown('receipt')),
      byIds<ExpenseDoc>(db, FEE_COLLECTIONS.expenses, unknown('expense')),
    ])
    for (const r of earlierReceipts.values()) labels.set(r._id, r.number)
    for (const e of earlierExpenses.values()) labels.set(e._id, e.purpose)

    const totals: LedgerExport['totals'] = {
      openingFen,
      incomeFen,
      voidedIncomeFen,
      expenseFen,
      voidedExpenseFen,
      closingFen:
        openingFen + balanceOf({ incomeFen, voidedIncomeFen, expenseFen, voidedExpenseFen }),
      receiptCount: receipts.length,
      expenseCount: expenses.length,
      arrearsHouseholds: arrears.length,
      arrearsFen: arrears.reduce((s, a) => s + a.amountFen, 0),
    }
    const label = periodLabel(key)
    const content = await ledgerWorkbook({
      buildingName: access.buildingName,
      periodLabel: label,
      exportedAt: now,
      totals,
      receipts,
      voids: voids.map((v) => ({ ...v, label: labels.get(v._id) ?? '' })),
      expenses,
      arrears,
    })
    const sdk = context.cloud.sdk as unknown as {
      uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<Uploaded>
      getTempFileURL(options: { fileList: string[] }): Promise<TempUrls>
    }
    const { fileID } = await sdk.uploadFile({
      cloudPath: `exports/fees/${buildingId}/${key}-${now.getTime()}.xlsx`,
      fileContent: content,
    })
    const { fileList } = await sdk.getTempFileURL({ fileList: [fileID] })
    const tempFileURL = fileList[0]?.tempFileURL
    if (!tempFileURL) throw new AppError('INTERNAL', '导出的文件暂时无法下载，请稍后再试')
    return {
      fileID,
      tempFileURL,
      fileName: `${access.buildingName.replace(/\s+/g, '')}管理费账目-${label}.xlsx`,
      period: { key, label },
      totals,
    }
  },
})

/**
 * The exported ledger as an .xlsx workbook: 汇总 (the period's account), 收据, 作废, 支出 and
 * 欠费. Amounts appear in yuan for people and, in 汇总, also in fen, the exact integers the
 * ledger keeps.
 */
import type ExcelJS from 'exceljs'
import type { ArrearsRow, LedgerExport } from '../../../typings/fees'
import { formatShanghai } from '../../shared/time'
import { METHOD_LABELS, type ExpenseDoc, type ReceiptDoc, type VoidDoc } from './model'
import { comparePeriods, periodLabel } from './periods'

export interface LedgerSheets {
  buildingName: string
  periodLabel: string
  exportedAt: Date
  totals: LedgerExport['totals']
  receipts: ReceiptDoc[]
  voids: Array<VoidDoc & { label: string }>
  expenses: ExpenseDoc[]
  arrears: ArrearsRow[]
}

const YUAN = '¥#,##0.00'
const yuan = (fen: number): number => fen / 100

function sheet(workbook: ExcelJS.Workbook, name: string, columns: Array<[string, number]>) {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map(([header, width]) => ({ header, width }))
  ws.getRow(1).font = { bold: true }
  return ws
}

export async function ledgerWorkbook(data: LedgerSheets): Promise<Buffer> {
  // Loaded on the first export only: the library is most of the bundle, and every other action
  // of a cold instance would wait for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const excel = require('exceljs') as typeof ExcelJS
  const workbook = new excel.Workbook()
  workbook.creator = '近邻'
  workbook.created = data.exportedAt

  const summary = sheet(workbook, '汇总', [
    ['项目', 22],
    ['金额（元）', 16],
    ['金额（分）', 14],
  ])
  const t = data.totals
  summary.addRows([
    ['楼栋', data.buildingName],
    ['期间', data.periodLabel],
    ['导出时间', formatShanghai(data.exportedAt, 'YYYY-MM-DD HH:mm')],
    ['期初结余', yuan(t.openingFen), t.openingFen],
    ['本期收入', yuan(t.incomeFen), t.incomeFen],
    ['本期作废收入', yuan(t.voidedIncomeFen), t.voidedIncomeFen],
    ['本期支出', yuan(t.expenseFen), t.expenseFen],
    ['本期作废支出', yuan(t.voidedExpenseFen), t.voidedExpenseFen],
    ['期末结余', yuan(t.closingFen), t.closingFen],
    ['收据张数', t.receiptCount],
    ['支出笔数', t.expenseCount],
    ['欠费户数', t.arrearsHouseholds],
    ['欠费金额', yuan(t.arrearsFen), t.arrearsFen],
  ])
  // Rows 5–10 and 14 (header included) hold amounts.
  for (const row of [5, 6, 7, 8, 9, 10, 14]) summary.getCell(row, 2).numFmt = YUAN

  const receipts = sheet(workbook, '收据', [
    ['收据编号', 18],
    ['房号', 8],
    ['缴费期', 30],
    ['金额（元）', 12],
    ['收款方式', 10],
    ['缴费日期', 12],
    ['登记时间', 18],
    ['状态', 8],
    ['作废理由', 24],
  ])
  for (const r of data.receipts) {
    receipts.addRow([
      r.number,
      r.room,
      [...r.periods].sort(comparePeriods).map(periodLabel).join('、'),
      yuan(r.amountFen),
      METHOD_LABELS[r.method],
      r.paidOn,
      formatShanghai(r.recordedAt, 'YYYY-MM-DD HH:mm'),
      r.voided ? '作废' : '有效',
      r.voided?.reason ?? '',
    ])
  }
  receipts.getColumn(4).numFmt = YUAN

  const voids = sheet(workbook, '作废', [
    ['类型', 8],
    ['收据编号或用途', 24],
    ['金额（元）', 12],
    ['理由', 30],
    ['作废时间', 18],
  ])
  for (const v of data.voids) {
    voids.addRow([
      v.kind === 'receipt' ? '收据' : '支出',
      v.label,
      yuan(v.amountFen),
      v.reason,
      formatShanghai(v.at, 'YYYY-MM-DD HH:mm'),
    ])
  }
  voids.getColumn(3).numFmt = YUAN

  const expenses = sheet(workbook, '支出', [
    ['支出日期', 12],
    ['用途', 30],
    ['金额（元）', 12],
    ['登记时间', 18],
    ['状态', 8],
    ['凭证照片', 10],
  ])
  for (const e of data.expenses) {
    expenses.addRow([
      e.spentOn,
      e.purpose,
      yuan(e.amountFen),
      formatShanghai(e.recordedAt, 'YYYY-MM-DD HH:mm'),
      e.voided ? '作废' : '有效',
      `${e.photos.length} 张`,
    ])
  }
  expenses.getColumn(3).numFmt = YUAN

  const arrears = sheet(workbook, '欠费', [
    ['房号', 8],
    ['欠费期', 40],
    ['期数', 8],
    ['金额（元）', 12],
  ])
  for (const a of data.arrears) {
    arrears.addRow([
      a.room,
      a.periods.map((p) => p.label).join('、'),
      a.periods.length,
      yuan(a.amountFen),
    ])
  }
  arrears.getColumn(4).numFmt = YUAN

  return Buffer.from(await workbook.xlsx.writeBuffer())
}

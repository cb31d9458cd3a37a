/**
 * Three years of a building's books, recorded month by month through the fee actions with the
 * clock moved (well over 1000 receipts, beyond any single query): the running totals, the
 * arrears, the collection rates and the exported workbooks must equal brute-force sums over every
 * stored document.
 */
import ExcelJS from 'exceljs'
import { monthOfIndex } from '../../../cloudfunctions/fees/lib/periods'
import type { Envelope } from '../../../typings'
import { newRequestId } from '../community/communityCloud'
import { startFeesCloud, type FeesCloud } from './feesCloud'

let c: FeesCloud
const HEAD = 'test-head-3y'
const BUILDING = 'b-3y'
const HOUSEHOLDS = 32
const FIRST_YEAR = new Date().getUTCFullYear() - 3
const first = FIRST_YEAR * 12
/** Noon in Shanghai on the 15th of month index `m`. */
const at = (m: number, minute = 0) =>
  new Date(`${monthOfIndex(m)}-15T04:${String(minute).padStart(2, '0')}:00Z`)
const end = first + 35
let households: string[]

beforeAll(async () => {
  c = await startFeesCloud()
  households = c.addBuilding(BUILDING, HOUSEHOLDS, [HEAD])
}, 30_000)
afterAll(() => c.cloud.close())

async function ok(promise: Promise<Envelope<any>>): Promise<any> {
  const result = await promise
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result.data
}

/** Runs `tasks` a few at a time. */
async function inBatches(tasks: Array<() => Promise<unknown>>, size: number) {
  for (let i = 0; i < tasks.length; i += size)
    await Promise.all(tasks.slice(i, i + size).map((t) => t()))
}

const sumOf = (rows: Array<Record<string, unknown>>) =>
  rows.reduce((s, r) => s + Number(r['amountFen']), 0)

describe('three years of books', () => {
  const exempt = () => households[HOUSEHOLDS - 1]!
  const amountIn = (m: number) => (m >= first + 18 ? 3000 : 2500)

  it('are recorded month by month', async () => {
    await ok(
      c.feesAt(at(first), HEAD, 'savePlan', {
        buildingId: BUILDING,
        amountFen: 2500,
        cycle: 'month',
        startPeriod: monthOfIndex(first),
        receiptPrefix: 'SY',
        exemptions: [{ householdId: exempt(), kind: 'hardship', reason: '低保户' }],
        requestId: newRequestId(),
      }),
    )
    for (let m = first; m <= end; m++) {
      if (m === first + 12) {
        await ok(
          c.feesAt(at(m), HEAD, 'savePlan', {
            buildingId: BUILDING,
            amountFen: 3000,
            cycle: 'month',
            startPeriod: monthOfIndex(first + 18),
            receiptPrefix: 'SY',
            exemptions: [{ householdId: exempt(), kind: 'hardship', reason: '低保户' }],
            requestId: newRequestId(),
          }),
        )
      }
      const payers = households.filter((_h, i) => i < HOUSEHOLDS - 1 && (i + m) % 9 !== 0)
      const receipts: any[] = []
      await inBatches(
        payers.map((householdId, i) => async () => {
          receipts.push(
            await ok(
              c.feesAt(at(m, i % 50), HEAD, 'recordPayment', {
                householdId,
                periods: [monthOfIndex(m)],
                amountFen: amountIn(m),
                method: i % 2 ? 'wechat' : 'cash',
                paidOn: monthOfIndex(m) + '-15',
                requestId: newRequestId(),
              }),
            ),
          )
        }),
        6,
      )
      if (m % 4 === 0) {
        const wrong = receipts[0]
        await ok(
          c.feesAt(at(m, 55), HEAD, 'voidReceipt', {
            receiptId: wrong.id,
            reason: '金额登记有误',
            requestId: newRequestId(),
          }),
        )
        await ok(
          c.feesAt(at(m, 56), HEAD, 'recordPayment', {
            householdId: wrong.householdId,
            periods: [monthOfIndex(m)],
            amountFen: amountIn(m),
            method: 'cash',
            paidOn: monthOfIndex(m) + '-15',
            requestId: newRequestId(),
          }),
        )
      }
      const spent = await ok(
        c.feesAt(at(m, 57), HEAD, 'recordExpense', {
          buildingId: BUILDING,
          amountFen: 1000 + ((m * 37) % 5000),
          purpose: `${monthOfIndex(m)} 楼道保洁`,
          spentOn: monthOfIndex(m) + '-15',
          photos: [],
          requestId: newRequestId(),
        }),
      )
      if (m % 6 === 5) {
        await ok(
          c.feesAt(at(m, 58), HEAD, 'voidExpense', {
            expenseId: spent.id,
            reason: '重复登记',
            requestId: newRequestId(),
          }),
        )
      }
    }
    expect(c.cloud.store.count('feeReceipts', { buildingId: BUILDING })).toBeGreaterThan(1000)
  }, 600_000)

  it('number each year’s receipts 1, 2, 3… with no gap or repeat', () => {
    for (let year = FIRST_YEAR; year < FIRST_YEAR + 3; year++) {
      const receipts = c.cloud.store.find('feeReceipts', { filter: { buildingId: BUILDING, year } })
      const seqs = receipts.map((r) => Number(r['seq'])).sort((a, b) => a - b)
      expect(seqs).toEqual(Array.from({ length: receipts.length }, (_, i) => i + 1))
      expect(new Set(receipts.map((r) => r['number'])).size).toBe(receipts.length)
    }
  })

  it('keep the balance equal to income − voided income − expenses, summed by brute force', async () => {
    const receipts = c.cloud.store.find('feeReceipts', { filter: { buildingId: BUILDING } })
    const expenses = c.cloud.store.find('feeExpenses', { filter: { buildingId: BUILDING } })
    const voids = c.cloud.store.find('feeVoids', { filter: { buildingId: BUILDING } })
    const income = sumOf(receipts)
    const voidedIncome = sumOf(voids.filter((v) => v['kind'] === 'receipt'))
    const spent = sumOf(expenses)
    const voidedSpent = sumOf(voids.filter((v) => v['kind'] === 'expense'))
    // The voided receipts are exactly those stamped 作废.
    expect(voidedIncome).toBe(sumOf(receipts.filter((r) => r['voided'])))

    const account = await ok(c.feesAt(at(end, 59), HEAD, 'openAccount', { buildingId: BUILDING }))
    expect(account.totals).toEqual({
      incomeFen: income,
      voidedIncomeFen: voidedIncome,
      expenseFen: spent,
      voidedExpenseFen: voidedSpent,
      balanceFen: income - voidedIncome - (spent - voidedSpent),
      receiptCount: receipts.length,
      voidedReceiptCount: receipts.filter((r) => r['voided']).length,
      expenseCount: expenses.length,
      voidedExpenseCount: expenses.filter((e) => e['voided']).length,
    })
    for (const year of account.years) {
      const inYear = receipts.filter(
        (r) => new Date(r['recordedAt'] as Date).getUTCFullYear() === year.year,
      )
      expect(year.incomeFen).toBe(sumOf(inYear))
    }
    expect(Number.isSafeInteger(account.totals.balanceFen)).toBe(true)
  })

  it('list the arrears a brute-force walk over every household-period finds', async () => {
    const claims = c.cloud.store.find('feeClaims', {
      filter: { buildingId: BUILDING, active: true },
    })
    const paid = new Set(claims.map((cl) => cl['_id']))
    let periods = 0
    let fen = 0
    for (const household of households.slice(0, HOUSEHOLDS - 1)) {
      for (let m = first; m <= end; m++) {
        if (!paid.has(`${household}_${monthOfIndex(m)}`)) {
          periods += 1
          fen += amountIn(m)
        }
      }
    }
    const arrears = await ok(
      c.feesAt(at(end, 59), HEAD, 'arrears', { buildingId: BUILDING, pageSize: 50 }),
    )
    expect(arrears.totals).toEqual({ households: HOUSEHOLDS - 1, periods, amountFen: fen })

    const rates = await ok(
      c.feesAt(at(end, 59), 'demo-staff-hefeng', 'collectionRates', {
        communityId: 'c-hefeng',
        month: monthOfIndex(end - 1),
      }),
    )
    const row = rates.rows.find((r: any) => r.buildingId === BUILDING)
    const paidThen = claims.filter((cl) => cl['period'] === monthOfIndex(end - 1)).length
    expect(row).toMatchObject({ paid: paidThen, exempt: 1, paidFen: paidThen * 3000 })
  })

  it('export each year to a workbook whose totals match', async () => {
    const receipts = c.cloud.store.find('feeReceipts', { filter: { buildingId: BUILDING } })
    const expenses = c.cloud.store.find('feeExpenses', { filter: { buildingId: BUILDING } })
    const voids = c.cloud.store.find('feeVoids', { filter: { buildingId: BUILDING } })
    const yearOf = (value: unknown) => new Date(value as Date).getUTCFullYear()
    for (const year of [FIRST_YEAR + 1, FIRST_YEAR + 2]) {
      const exported = await ok(
        c.feesAt(at(end, 59), 'demo-staff-hefeng', 'exportLedger', {
          buildingId: BUILDING,
          period: String(year),
        }),
      )
      const before = (rows: Array<Record<string, unknown>>, field: string) =>
        rows.filter((r) => yearOf(r[field]) < year)
      const within = (rows: Array<Record<string, unknown>>, field: string) =>
        rows.filter((r) => yearOf(r[field]) === year)
      const opening =
        sumOf(before(receipts, 'recordedAt')) -
        sumOf(before(voids, 'at').filter((v) => v['kind'] === 'receipt')) -
        (sumOf(before(expenses, 'recordedAt')) -
          sumOf(before(voids, 'at').filter((v) => v['kind'] === 'expense')))
      const expected = {
        openingFen: opening,
        incomeFen: sumOf(within(receipts, 'recordedAt')),
        voidedIncomeFen: sumOf(within(voids, 'at').filter((v) => v['kind'] === 'receipt')),
        expenseFen: sumOf(within(expenses, 'recordedAt')),
        voidedExpenseFen: sumOf(within(voids, 'at').filter((v) => v['kind'] === 'expense')),
      }
      expect(exported.totals).toMatchObject(expected)

      const { fileContent } = await c.sdk.downloadFile({ fileID: exported.fileID })
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(fileContent as never)
      const summary = workbook.getWorksheet('汇总')!
      const fenOf = (label: string) => {
        let value: unknown
        summary.eachRow((row) => {
          if (row.getCell(1).value === label) value = row.getCell(3).value
        })
        return value
      }
      expect(fenOf('期初结余')).toBe(expected.openingFen)
      expect(fenOf('本期收入')).toBe(expected.incomeFen)
      expect(fenOf('本期作废收入')).toBe(expected.voidedIncomeFen)
      expect(fenOf('本期支出')).toBe(expected.expenseFen)
      expect(fenOf('本期作废支出')).toBe(expected.voidedExpenseFen)
      expect(fenOf('期末结余')).toBe(
        expected.openingFen +
          expected.incomeFen -
          expected.voidedIncomeFen -
          (expected.expenseFen - expected.voidedExpenseFen),
      )
      const receiptRows = workbook.getWorksheet('收据')!.rowCount - 1
      expect(receiptRows).toBe(within(receipts, 'recordedAt').length)
      let sheetFen = 0
      workbook.getWorksheet('收据')!.eachRow((row, n) => {
        if (n > 1) sheetFen += Math.round(Number(row.getCell(4).value) * 100)
      })
      expect(sheetFen).toBe(expected.incomeFen)
      expect(workbook.getWorksheet('支出')!.rowCount - 1).toBe(
        within(expenses, 'recordedAt').length,
      )
      expect(workbook.getWorksheet('作废')!.rowCount - 1).toBe(within(voids, 'at').length)
    }
  }, 60_000)
})

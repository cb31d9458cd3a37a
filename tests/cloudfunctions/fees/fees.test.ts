/**
 * 楼栋管理费 against the built function on the local cloud: plans, receipts with consecutive
 * numbers under concurrency, one payment per household-period, voids, expenses, the open account,
 * arrears with reminders, collection rates, and what each role may do.
 */
import { monthIndex, monthOfIndex } from '../../../cloudfunctions/fees/lib/periods'
import { dayKey, monthKey } from '../../../cloudfunctions/shared/time'
import { CALLERS, newRequestId } from '../community/communityCloud'
import { startFeesCloud, type FeesCloud } from './feesCloud'

let c: FeesCloud
const now = monthIndex(monthKey(new Date()))
const month = (offset: number) => monthOfIndex(now + offset)
const today = dayKey(new Date())

const HEAD = CALLERS.headOfAnotherBuilding // test-head-jiguang-4
const BUILDING = 'b-jiguang-4'
const room = (r: string) => `h-jiguang-4-${r}`

beforeAll(async () => {
  c = await startFeesCloud()
}, 30_000)
afterAll(() => c.cloud.close())

const plan = (extra: Record<string, unknown> = {}) =>
  c.fees(HEAD, 'savePlan', {
    buildingId: BUILDING,
    amountFen: 3000,
    cycle: 'month',
    startPeriod: month(-5),
    receiptPrefix: 'jg4',
    exemptions: [{ householdId: room('602'), kind: 'vacant', reason: '长期空置' }],
    requestId: newRequestId(),
    ...extra,
  })

const pay = (openid: string, householdId: string, periods: string[], extra = {}) =>
  c.fees(openid, 'recordPayment', {
    householdId,
    periods,
    amountFen: 3000 * periods.length,
    method: 'cash',
    paidOn: today,
    requestId: newRequestId(),
    ...extra,
  })

describe('plan', () => {
  it('is recorded by the head, versioned from a future period, and audited', async () => {
    const first = await plan()
    expect(first).toMatchObject({
      ok: true,
      data: {
        receiptPrefix: 'JG4',
        current: { version: 1, amountFen: 3000, cycle: 'month', start: { key: month(-5) } },
        upcoming: null,
        canEdit: true,
      },
    })
    expect(first.ok && first.data.current.exemptions).toEqual([
      { householdId: room('602'), room: '602', kind: 'vacant', reason: '长期空置' },
    ])

    const before = c.digest()
    expect(await plan({ startPeriod: month(0), amountFen: 3500 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '新的收费标准只能从以后的某一期开始执行' },
    })
    expect(c.digest()).toBe(before)

    const next = await plan({ startPeriod: month(2), amountFen: 3500 })
    expect(next).toMatchObject({
      ok: true,
      data: { current: { version: 1 }, upcoming: { version: 2, amountFen: 3500 } },
    })
    expect(
      c.cloud.store.find('audit', { filter: { action: 'fees.savePlan' } }).map((a) => a['actor']),
    ).toEqual([HEAD, HEAD])
  })

  it('refuses a household of another building, a bad cycle start and a resident', async () => {
    const before = c.digest()
    expect(
      await plan({
        startPeriod: month(3),
        exemptions: [{ householdId: 'h-jiguang-3-301', kind: 'hardship', reason: '困难' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await plan({ cycle: 'quarter', startPeriod: month(3) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '起始期与收费周期不符' },
    })
    expect(
      await c.fees(CALLERS.resident, 'savePlan', {
        buildingId: 'b-jiguang-3',
        amountFen: 100,
        cycle: 'month',
        startPeriod: month(0),
        receiptPrefix: 'X1',
        exemptions: [],
        requestId: newRequestId(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(c.digest()).toBe(before)
  })
})

describe('recordPayment', () => {
  it('gives a receipt numbered per building and year, exactly what the plan asks', async () => {
    const result = await pay(HEAD, room('101'), [month(-5), month(-4)])
    expect(result).toMatchObject({
      ok: true,
      data: {
        number: `JG4-${month(0).slice(0, 4)}-0001`,
        room: '101',
        amountFen: 6000,
        methodLabel: '现金',
        voided: null,
      },
    })
  })

  it.each([
    ['an amount of zero', { amountFen: 0 }],
    ['an amount that is not whole fen', { amountFen: 1000.5 }],
    ['an amount other than the plan asks', { amountFen: 2999 }],
    ['an amount over the maximum', { amountFen: 5_000_001 }],
    ['a period before the plan', { periods: [month(-6)] }],
    ['a period of the wrong cycle', { periods: [`${month(0).slice(0, 4)}-Q1`] }],
    ['a period too far ahead', { periods: [month(14)], amountFen: 3500 }],
    ['an exempt household', { householdId: room('602') }],
    ['a payment day in the future', { paidOn: '2999-01-01' }],
    ['an unknown method', { method: 'alipay' }],
  ])('refuses %s and changes nothing', async (_label, extra) => {
    const before = c.digest()
    const result = await pay(HEAD, room('102'), [month(-1)], extra)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(c.digest()).toBe(before)
  })

  it.each([
    ['a resident', CALLERS.resident],
    ['another building’s head', CALLERS.headOfThisBuilding],
    ['staff of the community (the head holds the money)', CALLERS.staffOfThisCommunity],
  ])('refuses %s with PERMISSION_DENIED', async (_label, openid) => {
    const before = c.digest()
    expect(await pay(openid, room('102'), [month(-1)])).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    expect(c.digest()).toBe(before)
  })

  it('answers a retry of the same request with the same receipt', async () => {
    const requestId = newRequestId()
    const [a, b] = await Promise.all([
      pay(HEAD, room('201'), [month(-1)], { requestId }),
      pay(HEAD, room('201'), [month(-1)], { requestId }),
    ])
    expect(a).toMatchObject({ ok: true })
    expect(b).toEqual(a)
    expect(c.cloud.store.count('feeReceipts', { householdId: room('201') })).toBe(1)
  })

  it('refuses a second payment of a household-period with ALREADY_EXISTS', async () => {
    const before = c.digest()
    expect(await pay(HEAD, room('201'), [month(-2), month(-1)])).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_EXISTS' },
    })
    expect(c.digest()).toBe(before)
  })
})

describe('concurrency', () => {
  it('gives 100 payments recorded at once by two heads 100 consecutive receipt numbers', async () => {
    const households = c.addBuilding('b-t100', 100, ['test-head-a', 'test-head-b'])
    expect(
      await c.fees('test-head-a', 'savePlan', {
        buildingId: 'b-t100',
        amountFen: 2000,
        cycle: 'month',
        startPeriod: month(0),
        receiptPrefix: 'T100',
        exemptions: [],
        requestId: newRequestId(),
      }),
    ).toMatchObject({ ok: true })
    const results = await Promise.all(
      households.map((householdId, i) =>
        c.fees(i % 2 ? 'test-head-b' : 'test-head-a', 'recordPayment', {
          householdId,
          periods: [month(0)],
          amountFen: 2000,
          method: i % 3 ? 'wechat' : 'cash',
          paidOn: today,
          requestId: newRequestId(),
        }),
      ),
    )
    expect(results.filter((r) => !r.ok)).toEqual([])
    const year = month(0).slice(0, 4)
    const numbers = results.map((r) => (r.ok ? r.data.number : '')).sort()
    expect(numbers).toEqual(
      Array.from({ length: 100 }, (_, i) => `T100-${year}-${String(i + 1).padStart(4, '0')}`),
    )
    const receipts = c.cloud.store.find('feeReceipts', { filter: { buildingId: 'b-t100' } })
    expect(receipts.map((r) => r['seq']).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    )
    expect(c.cloud.store.getById('feeLedgers', `b-t100_${year}`)).toMatchObject({
      lastSeq: 100,
      receiptCount: 100,
      incomeFen: 200_000,
    })
  }, 60_000)

  it('lets exactly one of 20 attempts at the same household-period through', async () => {
    const year = month(0).slice(0, 4)
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        c.fees(i % 2 ? 'test-head-b' : 'test-head-a', 'recordPayment', {
          householdId: 'h-b-t100-101',
          periods: [month(1)],
          amountFen: 2000,
          method: 'cash',
          paidOn: today,
          requestId: newRequestId(),
        }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(
      Array(19).fill('ALREADY_EXISTS'),
    )
    expect(
      c.cloud.store.count('feeReceipts', { householdId: 'h-b-t100-101', periods: month(1) }),
    ).toBe(1)
    // The refused attempts used no number.
    expect(c.cloud.store.getById('feeLedgers', `b-t100_${year}`)).toMatchObject({ lastSeq: 101 })
  }, 60_000)
})

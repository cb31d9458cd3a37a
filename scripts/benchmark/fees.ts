/**
 * `npm run bench:fees`: 楼栋管理费 at the size of a large community: 50 buildings × 100
 * households = 5,000 households, a monthly plan for 12 periods, 90% of the 60,000
 * household-periods paid (54,000 receipts and as many claims), through the built `fees` function
 * on the local cloud with the project's declared indexes, on disk. Measures recording a payment
 * (one at a time, and many heads at once in one building), a building's open account (balance
 * and rooms), its arrears, the community's collection rates and a year's export. A measurement,
 * not a test.
 */
import type { LocalCloud } from '../../local-cloud/src'
import { emptyLedger } from '../../cloudfunctions/fees/lib/ledger'
import { monthIndex, monthOfIndex } from '../../cloudfunctions/fees/lib/periods'
import { dayKey, monthKey, yearOf } from '../../cloudfunctions/shared/time'
import { benchProjectCloud } from './projectCloud'
import { formatPercentiles, timeSequential } from './stats'

const BUILDINGS = 50
const HOUSEHOLDS = 100
const PERIODS = 12
const AMOUNT = 3000
const RUNS = 30
const PAYMENTS = 200
const CONCURRENT = 100
/** Untimed calls before each timed series. */
const WARMUP = 3

/** Room numbers by household index: four rooms a floor, 101 to 2504. */
const ROOMS = Array.from(
  { length: HOUSEHOLDS },
  (_unused, h) => `${Math.floor(h / 4) + 1}${String((h % 4) + 1).padStart(2, '0')}`,
)
const householdOf = (b: number, h: number) => `h-bench-${b}-${ROOMS[h]!}`

const unpaid = (b: number, h: number, p: number) => (b * 7 + h * 3 + p) % 10 === 0

function seed(cloud: LocalCloud, now: Date): { current: number; first: number } {
  const store = cloud.store
  const current = monthIndex(monthKey(now))
  const first = current - PERIODS + 1
  /** The 10th of a past month in Beijing, or an hour ago in this one. */
  const recordedAt = (m: number, k: number) =>
    m === current
      ? new Date(now.getTime() - 3_600_000 + k)
      : new Date(Date.parse(`${monthOfIndex(m)}-10T02:00:00Z`) + k * 1000)
  store.atomically(() => {
    store.write('communities', 'c-bench', { name: '基准社区', createdAt: now })
    store.write('estates', 'e-bench', { communityId: 'c-bench', name: '基准小区', createdAt: now })
    store.write('users', 'o-staff', {
      openid: 'o-staff',
      displayName: '工作人员',
      roles: [{ role: 'staff', communityId: 'c-bench' }],
      createdAt: now,
    })
  })
  for (let b = 0; b < BUILDINGS; b++) {
    const buildingId = `b-bench-${b}`
    const heads = [`o-head-${b}`, `o-head2-${b}`]
    store.atomically(() => {
      store.write('buildings', buildingId, {
        communityId: 'c-bench',
        estateId: 'e-bench',
        number: `${b + 1}号楼`,
        sortKey: String(b).padStart(4, '0'),
        headOpenids: heads,
        householdCount: HOUSEHOLDS,
        createdAt: now,
      })
      for (const head of heads) {
        store.write('users', head, {
          openid: head,
          displayName: '楼栋长',
          roles: [{ role: 'buildingHead', communityId: 'c-bench', buildingId }],
          createdAt: now,
        })
      }
      store.write('feePlans', buildingId, {
        buildingId,
        communityId: 'c-bench',
        versions: [
          {
            version: 1,
            amountFen: AMOUNT,
            cycle: 'month',
            startPeriod: monthOfIndex(first),
            startMonth: first,
            exemptions: [],
            receiptPrefix: `B${b}`,
            requestId: `bench-plan-${b}`,
            createdBy: heads[0],
            createdAt: recordedAt(first, 0),
          },
        ],
        versionCount: 1,
        updatedAt: recordedAt(first, 0),
      })
      const ledgers = new Map<number, ReturnType<typeof emptyLedger>>()
      for (let h = 0; h < HOUSEHOLDS; h++) {
        store.write('households', householdOf(b, h), {
          communityId: 'c-bench',
          estateId: 'e-bench',
          buildingId,
          room: ROOMS[h],
          floor: Math.floor(h / 4) + 1,
          partyMember: false,
          vacant: false,
          createdAt: now,
        })
      }
      for (let p = 0; p < PERIODS; p++) {
        const m = first + p
        const period = monthOfIndex(m)
        for (let h = 0; h < HOUSEHOLDS; h++) {
          if (unpaid(b, h, p)) continue
          const room = ROOMS[h]
          const householdId = householdOf(b, h)
          const at = recordedAt(m, h)
          const year = yearOf(at)
          const ledger = ledgers.get(year) ?? emptyLedger(buildingId, 'c-bench', year, at)
          ledgers.set(year, ledger)
          ledger.lastSeq += 1
          ledger.receiptCount = ledger.lastSeq
          ledger.incomeFen = ledger.lastSeq * AMOUNT
          const receiptId = `fr_bench_${b}_${p}_${h}`
          const number = `B${b}-${year}-${String(ledger.lastSeq).padStart(4, '0')}`
          store.write('feeReceipts', receiptId, {
            communityId: 'c-bench',
            buildingId,
            householdId,
            room,
            year,
            seq: ledger.lastSeq,
            number,
            periods: [period],
            periodAmounts: [AMOUNT],
            amountFen: AMOUNT,
            method: 'cash',
            paidOn: dayKey(at),
            recordedBy: heads[0],
            recordedAt: at,
          })
          store.write('feeClaims', `${householdId}_${period}`, {
            communityId: 'c-bench',
            buildingId,
            householdId,
            period,
            amountFen: AMOUNT,
            receiptId,
            receiptNumber: number,
            active: true,
            updatedAt: at,
          })
        }
      }
      for (const [year, ledger] of ledgers)
        store.write('feeLedgers', `${buildingId}_${year}`, ledger)
    })
  }
  return { current, first }
}

async function measure(cloud: LocalCloud): Promise<void> {
  const now = new Date()
  const started = performance.now()
  const { current, first } = seed(cloud, now)
  const receipts = cloud.store.count('feeReceipts', {})
  console.log(
    `seeded ${BUILDINGS} buildings × ${HOUSEHOLDS} households = ${BUILDINGS * HOUSEHOLDS} households × ${PERIODS} periods: ${receipts} receipts and claims in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  const fees = async (openid: string, event: Record<string, unknown>) => {
    const { result } = (await cloud.runtime.invoke('fees', event, { OPENID: openid })) as {
      result: { ok: boolean; data?: unknown; error?: unknown }
    }
    if (!result.ok) throw new Error(`${String(event['action'])}: ${JSON.stringify(result.error)}`)
    return result.data
  }

  // Household-periods still unpaid, spread over the buildings.
  const open: Array<{ b: number; householdId: string; period: string }> = []
  for (let p = 0; p < PERIODS; p++) {
    for (let b = 0; b < BUILDINGS; b++) {
      for (let h = 0; h < HOUSEHOLDS; h++) {
        if (!unpaid(b, h, p)) continue
        open.push({ b, householdId: householdOf(b, h), period: monthOfIndex(first + p) })
      }
    }
  }
  let next = 0
  const pay = (head: string) => {
    const item = open[next++]!
    return fees(head.replace('{b}', String(item.b)), {
      action: 'recordPayment',
      householdId: item.householdId,
      periods: [item.period],
      amountFen: AMOUNT,
      method: 'cash',
      paidOn: dayKey(now),
      requestId: `bench-${next}-${Date.now().toString(36)}`,
    })
  }
  const payments = await timeSequential(PAYMENTS, WARMUP, () => pay('o-head-{b}'))
  console.log(`recordPayment, one at a time (${PAYMENTS} calls, different buildings):`)
  console.log(`  ${formatPercentiles(payments)}`)

  // Two heads of one building recording 100 households' payments at once: a first burst wakes
  // the function instances (cold starts), the second is measured.
  const b = BUILDINGS - 1
  const burst = async (ahead: number) => {
    const started = performance.now()
    const latencies = await Promise.all(
      Array.from({ length: CONCURRENT }, async (_unused, i) => {
        const householdId = householdOf(b, i % HOUSEHOLDS)
        const s = performance.now()
        await fees(i % 2 ? `o-head2-${b}` : `o-head-${b}`, {
          action: 'recordPayment',
          householdId,
          periods: [monthOfIndex(current + ahead)],
          amountFen: AMOUNT,
          method: 'wechat',
          paidOn: dayKey(now),
          requestId: `bench-burst-${ahead}-${i}-${Date.now().toString(36)}`,
        })
        return performance.now() - s
      }),
    )
    return { latencies, ms: performance.now() - started }
  }
  const cold = await burst(1)
  const warm = await burst(2)
  console.log(
    `recordPayment, ${CONCURRENT} at once by two heads of one building: ${(warm.ms / 1000).toFixed(2)} s in all (${((CONCURRENT / warm.ms) * 1000).toFixed(0)} payments/s; ${(cold.ms / 1000).toFixed(2)} s the first time, starting instances); each:`,
  )
  console.log(`  ${formatPercentiles(warm.latencies)}`)

  const building = 'b-bench-0'
  const account = await timeSequential(RUNS, WARMUP, () =>
    fees('o-head-0', { action: 'openAccount', buildingId: building }),
  )
  const balance = (await fees('o-head-0', { action: 'openAccount', buildingId: building })) as {
    totals: { balanceFen: number; receiptCount: number }
  }
  console.log(
    `openAccount of one building (balance ¥${(balance.totals.balanceFen / 100).toFixed(2)} over ${balance.totals.receiptCount} receipts, ${HOUSEHOLDS} rooms' status):`,
  )
  console.log(`  ${formatPercentiles(account)}`)

  const arrears = await timeSequential(RUNS, WARMUP, () =>
    fees('o-head-0', { action: 'arrears', buildingId: building }),
  )
  const list = (await fees('o-head-0', { action: 'arrears', buildingId: building })) as {
    totals: { households: number; periods: number }
  }
  console.log(
    `arrears of one building (${list.totals.households} households, ${list.totals.periods} unpaid periods over ${HOUSEHOLDS} × ${PERIODS}):`,
  )
  console.log(`  ${formatPercentiles(arrears)}`)

  const rates = await timeSequential(RUNS, WARMUP, () =>
    fees('o-staff', {
      action: 'collectionRates',
      communityId: 'c-bench',
      month: monthOfIndex(current - 1),
    }),
  )
  console.log(
    `collectionRates of the community (${BUILDINGS} buildings, ${BUILDINGS * HOUSEHOLDS} households):`,
  )
  console.log(`  ${formatPercentiles(rates)}`)

  const exports = await timeSequential(5, WARMUP, () =>
    fees('o-head-0', {
      action: 'exportLedger',
      buildingId: building,
      period: String(yearOf(now)),
    }),
  )
  console.log(`exportLedger of one building's year to .xlsx (5 calls):`)
  console.log(`  ${formatPercentiles(exports)}`)
}

benchProjectCloud('fees', measure)

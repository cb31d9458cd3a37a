/** The plan's schedule: period keys, versions that take over from a future period, and edges. */
import type { PlanVersion } from '../../../cloudfunctions/fees/lib/model'
import {
  monthIndex,
  newVersionProblem,
  parsePeriod,
  periodInForce,
  periodLabel,
  periodsBetween,
  scheduledPeriod,
  startOptions,
} from '../../../cloudfunctions/fees/lib/periods'

const m = monthIndex

function version(n: number, cycle: PlanVersion['cycle'], startPeriod: string, amountFen: number) {
  return {
    version: n,
    amountFen,
    cycle,
    startPeriod,
    startMonth: parsePeriod(startPeriod)!.startMonth,
    exemptions: [],
    receiptPrefix: 'T',
    requestId: `r${n}`,
    createdBy: 'o',
    createdAt: new Date(),
  } satisfies PlanVersion
}

describe('period keys', () => {
  it('read months, quarters and years, and name them in Chinese', () => {
    expect(parsePeriod('2026-03')).toMatchObject({ cycle: 'month', startMonth: m('2026-03') })
    expect(parsePeriod('2026-Q3')).toMatchObject({
      cycle: 'quarter',
      startMonth: m('2026-07'),
      endMonth: m('2026-09'),
    })
    expect(parsePeriod('2026')).toMatchObject({ cycle: 'year', endMonth: m('2026-12') })
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-3', '2026-00']) {
      expect(parsePeriod(bad)).toBeNull()
    }
    expect(['2026-03', '2026-Q1', '2026'].map(periodLabel)).toEqual([
      '2026年3月',
      '2026年第1季度',
      '2026年',
    ])
  })
})

describe('a schedule of versions', () => {
  // Monthly ¥25 from 2025-11; quarterly ¥90 from 2026-Q3; yearly ¥400 from 2027.
  const versions = [
    version(1, 'month', '2025-11', 2500),
    version(2, 'quarter', '2026-Q3', 9000),
    version(3, 'year', '2027', 40000),
  ]

  it('lists each version’s periods until the next takes over', () => {
    const keys = periodsBetween(versions, m('2025-01'), m('2027-12')).map((p) => p.key)
    expect(keys).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-Q3',
      '2026-Q4',
      '2027',
    ])
  })

  it('knows which keys are periods of the plan, at which amount', () => {
    expect(scheduledPeriod(versions, '2026-05')!.version.amountFen).toBe(2500)
    expect(scheduledPeriod(versions, '2026-Q4')!.version.amountFen).toBe(9000)
    expect(scheduledPeriod(versions, '2027')!.version.amountFen).toBe(40000)
    for (const key of ['2025-10', '2026-07', '2026-Q2', '2026', '2027-01', '2027-Q1']) {
      expect(scheduledPeriod(versions, key)).toBeNull()
    }
  })

  it('finds the period in force in any month', () => {
    expect(periodInForce(versions, m('2025-10'))).toBeNull()
    expect(periodInForce(versions, m('2026-08'))!.key).toBe('2026-Q3')
    expect(periodInForce(versions, m('2027-05'))!.key).toBe('2027')
  })

  it('lets a later-recorded version with the same start replace a future one', () => {
    const replaced = [...versions, version(4, 'year', '2027', 36000)]
    expect(scheduledPeriod(replaced, '2027')!.version.amountFen).toBe(36000)
    expect(periodsBetween(replaced, m('2027-01'), m('2027-12'))).toHaveLength(1)
  })
})

describe('a new version', () => {
  const monthly = [version(1, 'month', '2026-01', 2500)]
  const yearly = [version(1, 'year', '2026', 30000)]
  const now = m('2026-05')

  it('may start the first plan in the past, within reason', () => {
    expect(newVersionProblem([], 'month', '2025-06', now)).toBeNull()
    expect(newVersionProblem([], 'month', '2010-01', now)).toBe('起始期最早为十年前')
    expect(newVersionProblem([], 'quarter', '2026-05', now)).toBe('起始期与收费周期不符')
  })

  it('must start after the current period and where the running one ends', () => {
    expect(newVersionProblem(monthly, 'month', '2026-05', now)).toBe(
      '新的收费标准只能从以后的某一期开始执行',
    )
    expect(newVersionProblem(monthly, 'month', '2026-06', now)).toBeNull()
    expect(newVersionProblem(monthly, 'quarter', '2026-Q3', now)).toBeNull()
    expect(newVersionProblem(yearly, 'month', '2026-09', now)).toBe(
      '新的收费标准须从2026年结束之后开始',
    )
    expect(newVersionProblem(yearly, 'month', '2027-01', now)).toBeNull()
    expect(newVersionProblem(monthly, 'month', '2029-01', now)).toBe('起始期最多定在两年以内')
  })

  it('is offered only the starts it may take', () => {
    const options = startOptions(yearly, now)
    expect(options.year.map((o) => o.key)).toEqual(['2027'])
    expect(options.month.map((o) => o.key)).toEqual(['2027-01'])
    expect(options.quarter.map((o) => o.key)).toEqual(['2027-Q1'])
    expect(startOptions([], now).month[0]!.key).toBe('2025-05')
  })
})

/**
 * Fee periods and the plan's schedule, pure so that every edge is tested exactly. A month is an
 * index (year × 12 + month − 1) so that arithmetic needs no calendar. Period keys: `2026-03` a
 * month, `2026-Q1` a quarter, `2026` a year.
 */
import type { FeeCycle, PeriodRef } from '../../../typings/fees'
import type { PlanVersion } from './model'

export const CYCLE_MONTHS: Record<FeeCycle, number> = { month: 1, quarter: 3, year: 12 }

export interface Period {
  key: string
  cycle: FeeCycle
  /** First and last month (indexes), inclusive. */
  startMonth: number
  endMonth: number
}

export function monthIndex(month: string): number {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month)
  if (!match) throw new RangeError(`not a month: ${month}`)
  return Number(match[1]) * 12 + Number(match[2]) - 1
}

export function monthOfIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The period of `cycle` that contains the month. */
export function periodAt(cycle: FeeCycle, month: number): Period {
  const length = CYCLE_MONTHS[cycle]
  const start = month - (month % length)
  const year = Math.floor(start / 12)
  const key =
    cycle === 'month'
      ? monthOfIndex(start)
      : cycle === 'quarter'
        ? `${year}-Q${(start % 12) / 3 + 1}`
        : String(year)
  return { key, cycle, startMonth: start, endMonth: start + length - 1 }
}

/** A period key read back, or null when it is not one. */
export function parsePeriod(key: string): Period | null {
  let match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key)
  if (match) return periodAt('month', Number(match[1]) * 12 + Number(match[2]) - 1)
  match = /^(\d{4})-Q([1-4])$/.exec(key)
  if (match) return periodAt('quarter', Number(match[1]) * 12 + (Number(match[2]) - 1) * 3)
  match = /^(\d{4})$/.exec(key)
  if (match) return periodAt('year', Number(match[1]) * 12)
  return null
}

export function periodLabel(key: string): string {
  const period = parsePeriod(key)
  if (!period) return key
  const year = Math.floor(period.startMonth / 12)
  if (period.cycle === 'month') return `${year}年${(period.startMonth % 12) + 1}月`
  if (period.cycle === 'quarter') return `${year}年第${(period.startMonth % 12) / 3 + 1}季度`
  return `${year}年`
}

export function periodRef(key: string): PeriodRef {
  return { key, label: periodLabel(key) }
}

/** Orders period keys by their first month (then by length, a month before its quarter). */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a)
  const pb = parsePeriod(b)
  if (!pa || !pb) return a.localeCompare(b)
  return pa.startMonth - pb.startMonth || pa.endMonth - pb.endMonth
}

/**
 * The version in force in a month: the last one (in the order they were recorded) that starts
 * at or before it. Recorded starts never go backwards, so a version cuts every earlier one off.
 */
export function versionAt(versions: readonly PlanVersion[], month: number): PlanVersion | null {
  let found: PlanVersion | null = null
  for (const version of versions) if (version.startMonth <= month) found = version
  return found
}

export interface ScheduledPeriod extends Period {
  version: PlanVersion
}

/** The plan's periods whose first month falls in [from, to], oldest first. */
export function periodsBetween(
  versions: readonly PlanVersion[],
  from: number,
  to: number,
): ScheduledPeriod[] {
  const periods: ScheduledPeriod[] = []
  versions.forEach((version, i) => {
    const next = versions.slice(i + 1).reduce((min, v) => Math.min(min, v.startMonth), Infinity)
    const length = CYCLE_MONTHS[version.cycle]
    for (let m = version.startMonth; m < next && m <= to; m += length) {
      if (m >= from) periods.push({ ...periodAt(version.cycle, m), version })
    }
  })
  return periods
}

/** The schedule's period a key names, or null when the plan has no such period. */
export function scheduledPeriod(
  versions: readonly PlanVersion[],
  key: string,
): ScheduledPeriod | null {
  const period = parsePeriod(key)
  if (!period) return null
  const version = versionAt(versions, period.startMonth)
  if (!version || version.cycle !== period.cycle) return null
  if ((period.startMonth - version.startMonth) % CYCLE_MONTHS[version.cycle] !== 0) return null
  return { ...period, version }
}

/** The schedule's period in force in a month, or null before the plan starts. */
export function periodInForce(
  versions: readonly PlanVersion[],
  month: number,
): ScheduledPeriod | null {
  const version = versionAt(versions, month)
  if (!version) return null
  const length = CYCLE_MONTHS[version.cycle]
  const start = month - ((month - version.startMonth) % length)
  return { ...periodAt(version.cycle, start), version }
}

/** Why a new version may not start at `start` (given as a period of `cycle`), or null when it may. */
export function newVersionProblem(
  versions: readonly PlanVersion[],
  cycle: FeeCycle,
  startKey: string,
  nowMonth: number,
): string | null {
  const start = parsePeriod(startKey)
  if (!start || start.cycle !== cycle) return '起始期与收费周期不符'
  if (start.startMonth > nowMonth + 24) return '起始期最多定在两年以内'
  if (versions.length === 0) {
    if (start.startMonth < nowMonth - 120) return '起始期最早为十年前'
    return null
  }
  if (start.startMonth <= nowMonth) return '新的收费标准只能从以后的某一期开始执行'
  const last = versions[versions.length - 1]!
  if (start.startMonth < last.startMonth) return '起始期不能早于已定的下一版收费标准'
  // The version that would be cut must end a period exactly there.
  const cut = versionAt(
    versions.filter((v) => v.startMonth < start.startMonth),
    start.startMonth - 1,
  )
  if (cut && (start.startMonth - cut.startMonth) % CYCLE_MONTHS[cut.cycle] !== 0) {
    const running = periodInForce([cut], start.startMonth)!
    return `新的收费标准须从${periodLabel(running.key)}结束之后开始`
  }
  return null
}

/** The periods a new version may start at, per cycle, for the plan form: a year back (first version) to a year ahead. */
export function startOptions(
  versions: readonly PlanVersion[],
  nowMonth: number,
): Record<FeeCycle, PeriodRef[]> {
  const options = { month: [], quarter: [], year: [] } as Record<FeeCycle, PeriodRef[]>
  const from = versions.length === 0 ? nowMonth - 12 : nowMonth + 1
  for (const cycle of ['month', 'quarter', 'year'] as const) {
    for (let m = from; m <= nowMonth + 12; m++) {
      const period = periodAt(cycle, m)
      if (period.startMonth !== m) continue
      if (newVersionProblem(versions, cycle, period.key, nowMonth) === null) {
        options[cycle].push(periodRef(period.key))
      }
    }
  }
  return options
}

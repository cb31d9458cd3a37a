/**
 * `$dayOfYear`, `$week`, `$isoWeek` and `$isoWeekYear` by their definitions. mingo derives `$week`
 * from the ISO week, which is off by one in many years (2017-01-01 is week 1, mingo said 2), and
 * `$isoWeekYear` only corrects 1 January.
 *
 * - `$week`: weeks begin on Sundays; days before the year's first Sunday are week 0 (strftime %U).
 * - `$isoWeek` / `$isoWeekYear`: ISO 8601, the week (Monday to Sunday) holding the year's first
 *   Thursday is week 1.
 */
import { evalExpr } from 'mingo/core'
import type { AnyObject, Options } from 'mingo/types'
import { TcbError } from '../../protocol/tcbError'
import { isDate, isPlainObject } from '../ejson'

const DAY_MS = 86_400_000

type DateOperator = (obj: AnyObject, expr: unknown, options: Options) => number | null

function dateOperator(name: string, part: (date: Date) => number): DateOperator {
  return (obj, expr, options) => {
    const date = wallClock(name, evalExpr(obj, expr, options))
    return date === null ? null : part(date)
  }
}

/** The argument as a Date whose UTC fields are the wall clock of its timezone (UTC by default). */
function wallClock(name: string, value: unknown): Date | null {
  if (value === null || value === undefined) return null
  if (isDate(value)) return value
  if (isPlainObject(value) && 'date' in value) {
    const date = wallClock(name, value['date'])
    const zone = value['timezone']
    if (date === null || zone === undefined || zone === null) return date
    if (typeof zone !== 'string')
      throw new TcbError('DATABASE_REQUEST_FAILED', `${name}: timezone must be a string`)
    return new Date(date.getTime() + offsetMinutes(zone, date) * 60_000)
  }
  throw new TcbError(
    'DATABASE_REQUEST_FAILED',
    `can't convert from BSON type ${typeof value} to Date`,
  )
}

/** Minutes east of UTC for "+08:00", "-0530", "+03" or an Olson name, at that instant. */
function offsetMinutes(zone: string, at: Date): number {
  const fixed = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)
    return fixed[1] === '-' ? -minutes : minutes
  }
  let parts: Intl.DateTimeFormatPart[]
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(at)
  } catch {
    throw new TcbError('DATABASE_REQUEST_FAILED', `unrecognized time zone identifier: "${zone}"`)
  }
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const local = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  )
  return Math.round((local - (at.getTime() - at.getUTCMilliseconds())) / 60_000)
}

export function dayOfYear(date: Date): number {
  const start = Date.UTC(date.getUTCFullYear(), 0, 1)
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
  return (day - start) / DAY_MS + 1
}

export function sundayWeek(date: Date): number {
  return Math.floor((dayOfYear(date) - 1 + 7 - date.getUTCDay()) / 7)
}

/** The Thursday of the date's ISO week: its year is the ISO year, its day of year the week. */
function isoThursday(date: Date): Date {
  const mondayBased = (date.getUTCDay() + 6) % 7
  return new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 3 - mondayBased),
  )
}

export function isoWeek(date: Date): number {
  return Math.floor((dayOfYear(isoThursday(date)) - 1) / 7) + 1
}

export function isoWeekYear(date: Date): number {
  return isoThursday(date).getUTCFullYear()
}

export const dateOperators = {
  $dayOfYear: dateOperator('$dayOfYear', dayOfYear),
  $week: dateOperator('$week', sundayWeek),
  $isoWeek: dateOperator('$isoWeek', isoWeek),
  $isoWeekYear: dateOperator('$isoWeekYear', isoWeekYear),
}

/**
 * Time on the server. Functions run in UTC; people live in Asia/Shanghai. Instants are stored as
 * UTC Dates and only shown or bucketed (months, days) in Shanghai time.
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const TIME_ZONE = 'Asia/Shanghai'

export function inShanghai(instant: Date | string | number): dayjs.Dayjs {
  return dayjs(instant).tz(TIME_ZONE)
}

/** `2026-11-26 14:20:51`, the way a person in China reads the instant. */
export function formatShanghai(
  instant: Date | string | number,
  pattern = 'YYYY-MM-DD HH:mm:ss',
): string {
  return inShanghai(instant).format(pattern)
}

/** The Shanghai calendar month an instant falls in, as `2026-11`: the bucket of monthly ratings and fees. */
export function monthKey(instant: Date | string | number): string {
  return inShanghai(instant).format('YYYY-MM')
}

/** The Shanghai calendar day, as `2026-11-26`. */
export function dayKey(instant: Date | string | number): string {
  return inShanghai(instant).format('YYYY-MM-DD')
}

/** The Shanghai year, the scope of receipt numbers. */
export function yearOf(instant: Date | string | number): number {
  return inShanghai(instant).year()
}

/** The UTC instants a Shanghai month starts and ends at (end exclusive), for range queries. */
export function monthRange(month: string): { start: Date; end: Date } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`not a month: ${month}`)
  const start = dayjs.tz(`${month}-01 00:00:00`, TIME_ZONE)
  return { start: start.toDate(), end: start.add(1, 'month').toDate() }
}

/** The last instant of a Shanghai calendar day `2026-11-26`, or null when there is no such day. */
export function endOfShanghaiDay(day: string): Date | null {
  const start = dayjs.tz(`${day} 00:00:00`, TIME_ZONE)
  if (!start.isValid() || start.format('YYYY-MM-DD') !== day) return null
  return new Date(start.add(1, 'day').valueOf() - 1)
}

/** The instant the Shanghai calendar day of `instant` began: the start of "today" for quotas. */
export function startOfShanghaiDay(instant: Date | string | number): Date {
  return inShanghai(instant).startOf('day').toDate()
}

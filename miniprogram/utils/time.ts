/**
 * Times on the phone, always in Beijing time whatever the phone is set to. China has had no
 * daylight saving since 1991, so a fixed +08:00 is exact; it also spares us the timezone plugin,
 * whose Intl time-zone data some phones' JS engines lack.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const SHANGHAI_OFFSET_MINUTES = 8 * 60

export function formatBeijing(
  instant: Date | string | number,
  pattern = 'YYYY-MM-DD HH:mm',
): string {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES).format(pattern)
}

/** The Beijing calendar month of an instant, `2026-11`: the month a rating belongs to. */
export function monthOf(instant: Date | string | number): string {
  return formatBeijing(instant, 'YYYY-MM')
}

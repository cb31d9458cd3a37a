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

/** The Beijing calendar months up to the one of `now`, newest first: `2026-11`, `2026-10`, … */
export function lastMonths(now: Date, count: number): string[] {
  const year = Number(formatBeijing(now, 'YYYY'))
  const month = Number(formatBeijing(now, 'M'))
  const months: string[] = []
  for (let i = 0; i < count; i++) {
    const index = year * 12 + month - 1 - i
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`)
  }
  return months
}

/** A span of minutes as a person says it: 95 → 1 小时 35 分; 3000 → 2 天 2 小时. */
export function durationText(minutes: number | null): string {
  if (minutes === null) return '暂无'
  const m = Math.round(minutes)
  if (m < 60) return `${m} 分钟`
  if (m < 24 * 60) return `${Math.floor(m / 60)} 小时${m % 60 ? ` ${m % 60} 分` : ''}`
  const hours = Math.floor((m % (24 * 60)) / 60)
  return `${Math.floor(m / (24 * 60))} 天${hours ? ` ${hours} 小时` : ''}`
}

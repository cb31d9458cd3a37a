/** Input fields shared by several actions, with messages in Chinese. */
import { z } from 'zod'
import { docId, text } from '../../shared/validation'

/** An instant as ISO 8601 with its offset (`2026-11-28T09:00:00+08:00` or `…Z`). */
export function instant(label: string) {
  return z
    .string({ error: `请选择${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
      error: `${label}格式不正确`,
      abort: true,
    })
    .refine((value) => Number.isFinite(Date.parse(value)) && isCalendarDay(value.slice(0, 10)), {
      error: `${label}不是有效的时间`,
    })
}

/** Date.parse reads 2月30日 as 3月2日: the day must be one the month has. */
function isCalendarDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  const parsed = new Date(Date.UTC(year, month - 1, date))
  return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date
}

export const projectId = () => docId('志愿项目')
export const teamId = () => docId('志愿服务队')

/** openids as WeChat makes them, and our demo users. */
export const openid = () =>
  z.string({ error: '缺少志愿者' }).regex(/^[A-Za-z0-9_-]{6,64}$/, { error: '志愿者格式不正确' })

export const serviceType = () => text('服务类型', { max: 20 })

export const teamIdList = (label: string) =>
  z
    .array(teamId(), { error: `${label}格式不正确` })
    .max(20, { error: `${label}最多 20 支` })
    .refine((ids) => new Set(ids).size === ids.length, { error: `${label}不能重复` })

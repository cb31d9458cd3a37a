/** Input shapes the fee actions share, with messages in Chinese. */
import { z } from 'zod'
import { dayKey } from '../../shared/time'
import { fen } from '../../shared/validation'

/**
 * `2026-03`, `2026-Q1` or `2026`, of a year the books can hold: the period arithmetic writes a
 * year as it counts it, so a year of fewer than four digits ("0326") is not a month it can read.
 */
export function periodKey(label = '期') {
  return z
    .string({ error: `请选择${label}` })
    .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { error: `${label}格式不正确`, abort: true })
    .refine(
      (value) => {
        const year = Number(value.slice(0, 4))
        return year >= 2000 && year <= 2100
      },
      { error: `${label}须在 2000 年到 2100 年之间` },
    )
}

/** An amount of at least one fen (the deployment's maximum is checked on top, see limits.ts). */
export function amount(label = '金额') {
  return fen(label, { min: 1 })
}

/** A calendar day `YYYY-MM-DD` that exists. */
export function day(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式不正确` })
    .refine(
      (value) => {
        const [y, m, d] = value.split('-').map(Number) as [number, number, number]
        const date = new Date(Date.UTC(y, m - 1, d))
        return (
          y >= 2000 &&
          date.getUTCFullYear() === y &&
          date.getUTCMonth() === m - 1 &&
          date.getUTCDate() === d
        )
      },
      { error: `${label}不是有效的日期` },
    )
}

/** A day that is not after today in Beijing. */
export function notInFuture(value: string, now: Date): boolean {
  return value <= dayKey(now)
}

export function receiptPrefix() {
  return z
    .string({ error: '请填写收据编号前缀' })
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(
      z
        .string()
        .regex(/^[A-Z][A-Z0-9]{1,7}$/, { error: '收据编号前缀为 2 到 8 位字母或数字，以字母开头' }),
    )
}

import { z } from 'zod'
import { zhCN } from 'zod/locales'
import type { FieldError } from '../../typings/envelope'
import { AppError } from './errors'

// Zod's own messages, for what our field helpers below do not word themselves.
z.config(zhCN())

/** Validates a whole action input; on failure nothing has happened yet and the caller gets every bad field. */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown): T {
  const result = schema.safeParse(raw)
  if (result.success) return result.data
  const details = result.error.issues.map(toFieldError)
  const first = details[0]
  throw new AppError('INVALID_ARGUMENT', first ? first.message : undefined, details)
}

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  const field = issue.path.map(String).join('.')
  if (issue.code === 'unrecognized_keys') {
    return { field, message: `不支持的字段：${issue.keys.join('、')}` }
  }
  return { field, message: issue.message }
}

/** An action input: an object whose unknown fields are rejected. */
export function input<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape)
}

/** Trimmed text of a bounded length, with messages that name the field in Chinese. */
export function text(label: string, options: { min?: number; max: number }) {
  const min = options.min ?? 1
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .max(options.max, { error: `${label}最多 ${options.max} 个字` })
}

/** A document id as the cloud database makes them, or as our code derives them (letters, digits, _ and -). */
export function docId(label: string) {
  return z
    .string({ error: `缺少${label}` })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `${label}格式不正确` })
}

/** A calendar month, `YYYY-MM`. */
export function month() {
  return z
    .string({ error: '请选择月份' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式不正确' })
}

/** A client request id that makes a create idempotent. */
export function requestId() {
  return z
    .string({ error: '缺少请求编号' })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' })
}

/** Money in integer fen: never a float. */
export function fen(label: string, options: { min?: number; max?: number } = {}) {
  const min = options.min ?? 0
  const max = options.max ?? 100_000_000
  return z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}必须精确到分` })
    .min(min, { error: `${label}不能小于 ${min / 100} 元` })
    .max(max, { error: `${label}不能超过 ${max / 100} 元` })
}

/** One of a fixed list of values. */
export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `请选择有效的${label}` })
}

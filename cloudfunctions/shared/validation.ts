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
    // A key is the sender's text: shown short and without characters that reorder or hide text.
    const keys = issue.keys.map((key) => key.replace(/[^\w$.-]/g, '?').slice(0, 40))
    return { field, message: `不支持的字段：${keys.join('、')}` }
  }
  return { field, message: issue.message }
}

/** An action input: an object whose unknown fields are rejected. */
export function input<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape)
}

/** Control characters other than line breaks and tabs (NUL, escapes, C1 controls). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
/** Bidirectional overrides and isolates: they make text read differently than it is stored. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/
/** Half of a surrogate pair on its own: not a character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** Characters that show nothing: spaces of every width, format characters, fillers. */
const INVISIBLE = /[\s\p{Cf}\p{Zs}\u115F\u1160\u3164\uFFA0\u2800\uFEFF]/gu

/** Why a text is not fit to store and show, or null. */
export function textProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return '含有无法显示的字符'
  if (CONTROL.test(value)) return '含有不可见的控制字符'
  if (BIDI.test(value)) return '含有改变文字方向的控制字符'
  return null
}

/** Whether a text shows something once invisible characters are taken out. */
export function isVisible(value: string): boolean {
  return value.replace(INVISIBLE, '').length > 0
}

/**
 * Trimmed text of a bounded length, with messages that name the field in Chinese. Refuses
 * control and direction-changing characters and text that shows nothing.
 */
export function text(label: string, options: { min?: number; max: number }) {
  const min = options.min ?? 1
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .max(options.max, { error: `${label}最多 ${options.max} 个字` })
    .superRefine((value, context) => {
      const problem = textProblem(value)
      if (problem) context.addIssue({ code: 'custom', message: `${label}${problem}` })
      else if (value.length >= min && !isVisible(value))
        context.addIssue({ code: 'custom', message: `请填写${label}` })
    })
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

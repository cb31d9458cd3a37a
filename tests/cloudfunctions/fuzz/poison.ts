/**
 * Strings no action may accept: found by walking an input beside its schema's model, so that a
 * poisoned string is noticed wherever the fuzz (or a random JSON value) put it. Free text may
 * say anything a person can read ("2月30日", "../"), so only a field whose pattern takes dates
 * is also refused impossible dates, and only a photo field paths that climb out of uploads/.
 */
import type { Model } from './schemaModel'

export type PoisonKind =
  | 'nul'
  | 'control'
  | 'bidi'
  | 'loneSurrogate'
  | 'invisibleOnly'
  | 'impossibleDate'
  | 'dotDotPath'
  | 'overlong'

/** Longer than any field of any action allows (the longest, a description, takes 1,000). */
const OVERLONG = 10_000

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const BIDI = /[\u202A-\u202E\u2066-\u2069]/
/** Characters that show nothing: text made only of these (and spaces) is empty to a reader. */
const INVISIBLE_ONLY =
  /^[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]*[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF][\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]*$/
const DATE_LIKE =
  /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))?)?(?:$|_)/

function impossibleDate(value: string): boolean {
  const match = DATE_LIKE.exec(value)
  if (!match) return false
  const [year, month, dayOfMonth, hour, minute, second, offsetHours, offsetMinutes] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)))
  if (month! < 1 || month! > 12) return true
  if (dayOfMonth !== undefined) {
    const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate()
    if (dayOfMonth < 1 || dayOfMonth > days) return true
  }
  return (
    (hour ?? 0) > 23 ||
    (minute ?? 0) > 59 ||
    (second ?? 0) > 59 ||
    (offsetHours ?? 0) > 14 ||
    (offsetMinutes ?? 0) > 59
  )
}

function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
      else return true
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return true
  }
  return false
}

/** What a pattern-checked field holds, beyond the shape: a point in time, or an uploaded photo. */
export interface Format {
  dated: boolean
  photo: boolean
}

const DATE_EXAMPLES = [
  '2025-03-04',
  '2025-03',
  '2025-03-04T05:06:07.089Z',
  '2025-03-04T05:06:07.089Z_b-1',
]

/** A field's format, from its patterns (null: free text). */
export function formatOf(patterns: readonly RegExp[]): Format | null {
  if (patterns.length === 0) return null
  const accepts = (value: string) => patterns.every((p) => p.test(value))
  return {
    // A date-shaped id ("2025-03") is still an id: only a field that takes dates and not ids is dated.
    dated: !accepts('b-jiguang-3') && DATE_EXAMPLES.some(accepts),
    photo: patterns.some((p) => p.source.startsWith('^cloud:')),
  }
}

export function poisonOf(value: string, format: Format | null): PoisonKind | null {
  if (value.includes('\u0000')) return 'nul'
  if (CONTROL.test(value)) return 'control'
  if (BIDI.test(value)) return 'bidi'
  if (hasLoneSurrogate(value)) return 'loneSurrogate'
  if (INVISIBLE_ONLY.test(value)) return 'invisibleOnly'
  if (value.length > OVERLONG) return 'overlong'
  if (format?.dated && impossibleDate(value)) return 'impossibleDate'
  if (format?.photo && /(^|\/)\.\.(\/|$)/.test(value)) return 'dotDotPath'
  return null
}

export interface Poison {
  path: string
  kind: PoisonKind
  /** The field is checked against a pattern (an id, a day…); otherwise it is free text. */
  formatted: boolean
}

/**
 * Every poisoned string among the values of `input` that its model would take (a value of an
 * unknown field, or of the wrong type, is refused anyway), with where it is.
 */
export function poisonsIn(input: unknown, model: Model, path = ''): Poison[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key))
  if (model.kind === 'union')
    return model.options.flatMap((option) => poisonsIn(input, option, path))
  if (typeof input === 'string' && model.kind === 'string') {
    const format = formatOf(model.patterns)
    const kind = poisonOf(input, format)
    return kind ? [{ path, kind, formatted: format !== null }] : []
  }
  if (Array.isArray(input) && model.kind === 'array') {
    return input.flatMap((item, index) => poisonsIn(item, model.element, at(index)))
  }
  if (typeof input === 'object' && input !== null && model.kind === 'object') {
    return Object.entries(input).flatMap(([key, value]) => {
      const field = Object.hasOwn(model.fields, key) ? model.fields[key] : undefined
      return field ? poisonsIn(value, field.model, at(key)) : []
    })
  }
  return []
}

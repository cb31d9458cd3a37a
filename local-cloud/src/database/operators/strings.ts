/**
 * The substring and index operators on UTF-8 as MongoDB defines them. mingo refuses a negative
 * length in `$substr` / `$substrBytes`, counts UTF-16 units in `$indexOfBytes` and has no
 * `$indexOfCP`.
 *
 * - `$substr` / `$substrBytes` [string, byte index, byte count]: a negative index answers "", a
 *   negative count the rest of the string; cutting inside a character is an error.
 * - `$substrCP` [string, code point index, count]: the same in code points (CloudBase documents
 *   the negative count: "如果 表达式3 是负数，返回的结果为从 表达式2 指定的开始位置以及之后其余部分的子字符串").
 * - `$indexOfBytes` / `$indexOfCP` [string, substring, start?, end?]: the first index in bytes /
 *   code points, -1 when absent; null for a null or missing string.
 */
import { evalExpr } from 'mingo/core'
import type { AnyObject, Options } from 'mingo/types'
import { TcbError } from '../../protocol/tcbError'
import { isDate } from '../ejson'

function fail(message: string): never {
  throw new TcbError('DATABASE_REQUEST_FAILED', message)
}

function args(name: string, obj: AnyObject, expr: unknown, options: Options, counts: number[]) {
  if (!Array.isArray(expr) || !counts.includes(expr.length))
    fail(
      `Expression ${name} takes exactly ${counts.join(' or ')} arguments. ${Array.isArray(expr) ? expr.length : 1} were passed in.`,
    )
  return evalExpr(obj, expr, options) as unknown[]
}

function integer(name: string, what: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(`${name}: ${what} must be a numeric type (is BSON type ${typeName(value)})`)
  if (!Number.isInteger(value)) fail(`${name}: ${what} must be an integral value`)
  return value
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'missing'
  if (Array.isArray(value)) return 'array'
  return typeof value === 'object' ? 'object' : typeof value
}

/** $substr coerces numbers and dates to text, as MongoDB's string coercion does. */
function text(name: string, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (isDate(value)) return value.toISOString()
  return fail(`${name}: can't convert from BSON type ${typeName(value)} to String`)
}

const isContinuation = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80

function substrBytes(name: string) {
  return (obj: AnyObject, expr: unknown, options: Options): string => {
    const [value, index, count] = args(name, obj, expr, options, [3])
    const bytes = Buffer.from(text(name, value), 'utf8')
    const start = integer(name, 'starting index', index)
    const length = integer(name, 'length', count)
    if (start < 0 || start >= bytes.length) return ''
    const end = length < 0 ? bytes.length : Math.min(bytes.length, start + length)
    if (isContinuation(bytes[start]))
      fail(`${name}:  Invalid range, starting index is a UTF-8 continuation byte.`)
    if (end < bytes.length && isContinuation(bytes[end]))
      fail(`${name}:  Invalid range, ending index is in the middle of a UTF-8 character.`)
    return bytes.subarray(start, end).toString('utf8')
  }
}

function $substrCP(obj: AnyObject, expr: unknown, options: Options): string {
  const [value, index, count] = args('$substrCP', obj, expr, options, [3])
  const codePoints = [...text('$substrCP', value)]
  const start = integer('$substrCP', 'starting index', index)
  const length = integer('$substrCP', 'length', count)
  if (start < 0) return ''
  return codePoints.slice(start, length < 0 ? undefined : start + length).join('')
}

type Units = { of(text: string): unknown[] }
const CODE_POINTS: Units = { of: (s) => [...s] }
const BYTES: Units = { of: (s) => [...Buffer.from(s, 'utf8')] }

function indexOf(name: string, units: Units) {
  return (obj: AnyObject, expr: unknown, options: Options): number | null => {
    const [haystack, needle, from, to] = args(name, obj, expr, options, [2, 3, 4])
    if (haystack === null || haystack === undefined) return null
    if (typeof haystack !== 'string')
      fail(`${name} requires a string as the first argument, found: ${typeName(haystack)}`)
    if (typeof needle !== 'string')
      fail(`${name} requires a string as the second argument, found: ${typeName(needle)}`)
    const all = units.of(haystack)
    const sought = units.of(needle)
    const start = from === undefined ? 0 : integer(name, 'starting index', from)
    const end = to === undefined ? all.length : integer(name, 'ending index', to)
    if (start < 0) fail(`${name} requires a nonnegative start index, found: ${start}`)
    if (end < 0) fail(`${name} requires a nonnegative ending index, found: ${end}`)
    const last = Math.min(end, all.length) - sought.length
    for (let i = start; i <= last; i++) {
      if (sought.every((unit, j) => all[i + j] === unit)) return i
    }
    return -1
  }
}

export const stringOperators = {
  $substr: substrBytes('$substrBytes'),
  $substrBytes: substrBytes('$substrBytes'),
  $substrCP,
  $indexOfBytes: indexOf('$indexOfBytes', BYTES),
  $indexOfCP: indexOf('$indexOfCP', CODE_POINTS),
}

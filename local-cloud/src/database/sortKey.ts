/**
 * A byte key per value whose memcmp order is MongoDB's sort order (null < numbers < strings <
 * objects < arrays < booleans < dates), so SQLite indexes on it serve equality, ranges and sorting
 * exactly as the cloud database does. Stored in a key column per indexed path.
 */
import { isDate } from './ejson'

const TYPE_NULL = 0x05
const TYPE_NUMBER = 0x10
const TYPE_STRING = 0x20
const TYPE_OBJECT = 0x30
const TYPE_ARRAY = 0x40
const TYPE_BOOLEAN = 0x50
const TYPE_DATE = 0x60

function numberKey(type: number, n: number): Buffer {
  const key = Buffer.alloc(9)
  key[0] = type
  key.writeDoubleBE(n === 0 ? 0 : n, 1) // -0 sorts and compares as 0
  // Flip so that byte order is numeric order: positives get the sign bit, negatives all bits.
  if (key[1]! & 0x80) for (let i = 1; i < 9; i++) key[i] = ~key[i]! & 0xff
  else key[1] = key[1]! | 0x80
  return key
}

function textKey(type: number, text: string): Buffer {
  return Buffer.concat([Buffer.from([type]), Buffer.from(text, 'utf8')])
}

/** The key of a JS value, as the query planner binds it. */
export function keyOf(value: unknown): Buffer {
  if (value === null || value === undefined) return Buffer.from([TYPE_NULL])
  if (typeof value === 'number') return numberKey(TYPE_NUMBER, value)
  if (typeof value === 'string') return textKey(TYPE_STRING, value)
  if (typeof value === 'boolean') return Buffer.from([TYPE_BOOLEAN, value ? 1 : 0])
  if (isDate(value)) return numberKey(TYPE_DATE, value.getTime())
  if (Array.isArray(value)) return textKey(TYPE_ARRAY, JSON.stringify(value))
  return textKey(TYPE_OBJECT, JSON.stringify(value))
}

/** Whether the planner may bind this value: scalars whose key order is exactly Mongo's. */
export function isKeyable(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (isDate(value) && !Number.isNaN(value.getTime()))
  )
}

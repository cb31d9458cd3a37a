/**
 * The database speaks MongoDB Extended JSON strings on the wire
 * (local-cloud/PROTOCOL.md「Database: EJSON on the wire」). Inside the local cloud a document is
 * a plain JS object with real Dates and RegExps.
 */
import { BSONRegExp, EJSON } from 'bson'
import { deserialize, serialize } from 'node:v8'
import { TcbError } from '../protocol/tcbError'

export type Document = Record<string, unknown>

/** Parses one EJSON string of a request (query, data, order, projection, stage). */
export function parseEjson(text: unknown, field: string): unknown {
  if (typeof text !== 'string')
    throw new TcbError('INVALID_PARAM', `${field} must be an EJSON string`)
  try {
    return fastParse(text)
  } catch (error) {
    throw new TcbError('INVALID_PARAM', `invalid EJSON in ${field}: ${(error as Error).message}`)
  }
}

/** Request data with `serverDate()` markers resolved to the server's clock. */
export function parseEjsonData(text: unknown, field: string, now: number): unknown {
  const value = parseEjson(text, field)
  // Only walk the tree when a marker can be in it.
  return (text as string).includes('$tcb_server_date') ? resolveServerDates(value, now) : value
}

/**
 * The EJSON the SDK sends and we store, parsed by the native JSON.parse: most requests and
 * documents hold only numbers, strings, dates and regular expressions. Anything rarer (ObjectId,
 * Binary, Decimal128 …) takes bson's full parser.
 */
const RARE_TYPE = new Set([
  '$oid',
  '$binary',
  '$symbol',
  '$numberDecimal',
  '$minKey',
  '$maxKey',
  '$timestamp',
  '$code',
  '$dbPointer',
  '$uuid',
  '$undefined',
  '$regex',
])
const NEEDS_BSON = Symbol('needs bson')

function fastParse(text: string): unknown {
  if (!text.includes('"$')) return JSON.parse(text)
  try {
    return reviveTree(JSON.parse(text))
  } catch (error) {
    if (error !== NEEDS_BSON) throw error
    return toNative(EJSON.parse(text, { relaxed: true }))
  }
}

/**
 * What `JSON.parse(text, reviveWrapper)` answers (children first, then their parent), done on
 * the parsed tree in place: a third of a reviver's cost, which V8 pays on every value.
 */
function reviveTree(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveTree(value[i])
    return value
  }
  const record = value as Document
  for (const key in record) {
    const child = record[key]
    if (typeof child !== 'object' || child === null) continue
    const revived = reviveTree(child)
    if (revived === child) continue
    // A plain assignment to "__proto__" would set the prototype; JSON.parse defines the field.
    if (key === '__proto__')
      Object.defineProperty(record, key, { value: revived, enumerable: true, writable: true })
    else record[key] = revived
  }
  return reviveWrapper(record)
}

/** An EJSON wrapper (`{ $date }`, `{ $numberLong }` …) as its value; any other object as it is. */
function reviveWrapper(record: Document): unknown {
  for (const key in record) {
    if (key.charCodeAt(0) !== 36 /* $ */) return record
    switch (key) {
      case '$numberInt':
      case '$numberDouble':
        return Number(record[key])
      case '$numberLong': {
        const n = Number(record[key])
        if (!Number.isSafeInteger(n)) throw NEEDS_BSON
        return n
      }
      case '$date': {
        const date = new Date(record[key] as string | number)
        if (Number.isNaN(date.getTime())) throw new Error('invalid $date')
        return date
      }
      case '$regularExpression': {
        const { pattern, options } = record[key] as { pattern: string; options: string }
        return new RegExp(pattern, jsFlags(options))
      }
      default:
        if (RARE_TYPE.has(key)) throw NEEDS_BSON
        return record
    }
  }
  return record
}

/** BSON's RegExp wrapper becomes a JS RegExp, the form the query engine understands. */
function toNative(value: unknown): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, jsFlags(value.options))
  if (Array.isArray(value)) return value.map(toNative)
  if (isPlainObject(value)) {
    const out: Document = {}
    for (const [key, child] of Object.entries(value)) out[key] = toNative(child)
    return out
  }
  return value
}

function jsFlags(options: string): string {
  // Mongo's x and l flags have no JS equivalent; s (dotAll), i, m, u carry over.
  return [...options].filter((flag) => 'imsu'.includes(flag)).join('')
}

export function isPlainObject(value: unknown): value is Document {
  if (typeof value !== 'object' || value === null) return false
  // Any realm's Object.prototype (structuredClone and vm contexts make objects of another realm).
  const proto = Object.getPrototypeOf(value)
  return proto === null || Object.getPrototypeOf(proto) === null
}

/** `$tcb_server_date` markers become the server's clock (plus offset), anywhere in the data. */
export function resolveServerDates(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveServerDates(item, now))
  if (!isPlainObject(value)) return value
  const marker = value['$tcb_server_date']
  if (marker !== undefined && Object.keys(value).length === 1) {
    const offset =
      isPlainObject(marker) && typeof marker['offset'] === 'number' ? marker['offset'] : 0
    return new Date(now + offset)
  }
  const out: Document = {}
  for (const [key, child] of Object.entries(value)) out[key] = resolveServerDates(child, now)
  return out
}

/** A stored or returned document: relaxed EJSON, which the SDK parses back into Dates. */
export function serializeDocument(doc: Document): string {
  try {
    return JSON.stringify(toRelaxed(doc))
  } catch (error) {
    if (error !== NOT_PLAIN) throw error
  }
  try {
    return JSON.stringify(doc, relaxedValue)
  } catch (error) {
    if (error !== NEEDS_BSON) throw error
    return EJSON.stringify(doc, { relaxed: true })
  }
}

const NOT_PLAIN = Symbol('not plain')

/**
 * A copy with Dates, RegExps and non-finite numbers in their relaxed-EJSON form, for the native
 * JSON.stringify: twice as fast as a replacer. Anything but plain data (a class instance, a
 * BSON value) takes the replacer.
 */
function toRelaxed(value: unknown): unknown {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : { $numberDouble: String(value) }
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(toRelaxed)
  if (isDate(value)) return relaxedDate(value)
  if (value instanceof RegExp)
    return { $regularExpression: { pattern: value.source, options: value.flags } }
  if (!isPlainObject(value) || '_bsontype' in value) throw NOT_PLAIN
  const out: Document = {}
  for (const key in value) {
    if (key === '__proto__') throw NOT_PLAIN
    out[key] = toRelaxed(value[key])
  }
  return out
}

export function deserializeDocument(text: string): Document {
  return fastParse(text) as Document
}

const MAX_RELAXED_DATE = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

function relaxedValue(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key]
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : { $numberDouble: String(raw) }
  if (typeof raw !== 'object' || raw === null) return value
  if (isDate(raw)) return relaxedDate(raw)
  if (raw instanceof RegExp)
    return { $regularExpression: { pattern: raw.source, options: raw.flags } }
  if ('_bsontype' in raw) throw NEEDS_BSON
  return value
}

function relaxedDate(date: Date): Document {
  const time = date.getTime()
  return time >= 0 && time <= MAX_RELAXED_DATE
    ? { $date: date.toISOString() }
    : { $date: { $numberLong: String(time) } }
}

/** Realm-independent: documents may hold Dates made in another vm context (tests, workers). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]'
}

/** A deep copy (Dates kept) that works wherever the local cloud is loaded, jsdom test realms too. */
export function cloneDocument<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneDocument) as T
  if (isDate(value)) return new Date(value.getTime()) as T
  if (isPlainObject(value)) {
    const out: Document = {}
    for (const key in value) out[key] = cloneDocument(value[key])
    return out as T
  }
  // BSON values (ObjectId …) are immutable, and a structured clone would strip their class.
  if (typeof value === 'object' && value !== null && '_bsontype' in value) return value
  if (typeof value === 'object' && value !== null && !(value instanceof RegExp))
    return deserialize(serialize(value)) as T
  return value
}

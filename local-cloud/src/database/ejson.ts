/**
 * The database speaks MongoDB Extended JSON strings on the wire (CLOUDBASE-PROTOCOL.md §2).
 * Inside the local cloud a document is a plain JS object with real Dates and RegExps.
 */
import { BSONRegExp, EJSON } from 'bson'
import { deserialize, serialize } from 'node:v8'
import { TcbError } from '../protocol/tcbError'

export type Document = Record<string, unknown>

/** Parses one EJSON string of a request (query, data, order, projection, stage). */
export function parseEjson(text: unknown, field: string): unknown {
  if (typeof text !== 'string')
    throw new TcbError('INVALID_PARAM', `${field} must be an EJSON string`)
  let value: unknown
  try {
    value = EJSON.parse(text, { relaxed: true })
  } catch (error) {
    throw new TcbError('INVALID_PARAM', `invalid EJSON in ${field}: ${(error as Error).message}`)
  }
  return toNative(value)
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
  return EJSON.stringify(doc, { relaxed: true })
}

export function deserializeDocument(text: string): Document {
  return EJSON.parse(text, { relaxed: true }) as Document
}

/** Realm-independent: documents may hold Dates made in another vm context (tests, workers). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]'
}

/** A deep copy (Dates kept) that works wherever the local cloud is loaded, jsdom test realms too. */
export function cloneDocument<T>(value: T): T {
  return deserialize(serialize(value)) as T
}

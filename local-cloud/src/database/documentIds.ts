/**
 * `_id`s of any BSON type the SDK sends: strings, numbers (`add({ _id: 42 })`, `doc(42)`),
 * ObjectIds (`db.ObjectId({ id })`), dates … A document keeps its `_id` as given; the store's
 * `id` column holds a key per value. A string is its own key, so the common case costs nothing;
 * any other type gets a key that starts with NUL, which no string id the SDK sends starts with,
 * so that a number 42 and the string "42" stay two documents, as in MongoDB.
 */
import { TcbError } from '../protocol/tcbError'
import { isDate, serializeDocument } from './ejson'

interface BsonValue {
  _bsontype: string
  toHexString?: () => string
}

function bsonTypeOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('_bsontype' in value)) return null
  return String((value as BsonValue)._bsontype)
}

export function isObjectId(value: unknown): value is BsonValue & { toHexString(): string } {
  const type = bsonTypeOf(value)
  return type === 'ObjectId' || type === 'ObjectID'
}

/** The `id` column's key of an `_id` value. */
export function idKey(id: unknown): string {
  if (typeof id === 'string') return id
  if (typeof id === 'number') return `\u0000n:${id === 0 ? 0 : id}`
  if (isObjectId(id)) return `\u0000o:${id.toHexString()}`
  if (Array.isArray(id)) throw new TcbError('DATABASE_REQUEST_FAILED', "can't use an array for _id")
  if (id instanceof RegExp)
    throw new TcbError('DATABASE_REQUEST_FAILED', "can't use a regex for _id")
  if (id === undefined) throw new TcbError('INVALID_PARAM', 'a document query needs an _id')
  if (isDate(id)) return `\u0000d:${id.getTime()}`
  return `\u0000j:${serializeDocument({ v: id })}`
}

/** Whether an `id` column key belongs to a string `_id`. */
export function isStringKey(key: string): boolean {
  return key.charCodeAt(0) !== 0
}

/** An id as the SDK reads it from `insertedIds` / `upsert_id`: an ObjectId as its hex string. */
export function wireId(id: unknown): unknown {
  return isObjectId(id) ? id.toHexString() : id
}

const OID = /\{"\$oid":"([0-9a-f]{24})"\}/g

/**
 * A document of a `get()` answer with its ObjectIds as their hex strings. CloudBase answers them
 * so: the SDK's own test reads `getRes.data[0].a === objId` for `a: db.ObjectId({ id: objId })`
 * (TencentCloudBase/node-sdk test/database/unit/oid.test.ts). The SDK turns an `{ "$oid" }` into
 * a bson ObjectId and then copies its own fields, which makes `{}` of it.
 */
export function withHexObjectIds(text: string): string {
  return text.includes('"$oid"') ? text.replace(OID, '"$1"') : text
}

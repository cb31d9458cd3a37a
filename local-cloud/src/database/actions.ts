/**
 * The `database.*` actions of the admin endpoint, field for field as wx-server-sdk sends them
 * (local-cloud/PROTOCOL.md「Database: Actions」,「Transactions: Actions in a transaction」).
 */
import { EJSON } from 'bson'
import { randomBytes } from 'node:crypto'
import { TcbError } from '../protocol/tcbError'
import type { ActionHandler } from '../protocol/types'
import { runPipeline } from './aggregate'
import { idKey, wireId, withHexObjectIds } from './documentIds'
import {
  isPlainObject,
  parseEjson,
  parseEjsonData,
  serializeDocument,
  type Document,
} from './ejson'
import { projectDocuments, type Store } from './store'
import type { Transactions } from './transactions'
import { applyUpdate, checkStorable, replacement } from './updates'

/** Production's read limits from a function: 100 by default, never more than 1000. */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

/**
 * A new `_id`: 32 hex characters like the cloud's, laid out as a MongoDB ObjectId (seconds, a
 * random per-process part, a counter), so ids grow with time. SQLite then appends each new id at
 * the end of the primary-key index instead of at a random page, a third off an insert's cost.
 */
const PROCESS_PART = randomBytes(4).toString('hex')
let idCounter = randomBytes(4).readUInt32BE()

export function newDocumentId(): string {
  idCounter++
  const seconds = Math.floor(Date.now() / 1000)
  return `${seconds.toString(16).padStart(8, '0')}${PROCESS_PART}${idCounter.toString(16).padStart(16, '0')}`
}

export function databaseActions(
  store: Store,
  transactions: Transactions,
  clock: () => number,
): Record<string, ActionHandler> {
  const collectionOf = (body: Record<string, unknown>): string => {
    const name = body['collectionName']
    if (typeof name !== 'string' || name === '')
      throw new TcbError('INVALID_PARAM', 'collectionName is required')
    store.collection(name)
    return name
  }
  const transactionOf = (body: Record<string, unknown>): string | null =>
    typeof body['transactionId'] === 'string' ? body['transactionId'] : null

  return {
    'database.addCollection': (body) => {
      const name = body['collectionName']
      if (typeof name !== 'string')
        throw new TcbError('INVALID_PARAM', 'collectionName is required')
      store.createCollection(name)
      return {}
    },

    'database.insertDocument': (body) => {
      const collection = collectionOf(body)
      const items = body['data']
      if (!Array.isArray(items) || items.length === 0)
        throw new TcbError('INVALID_PARAM', 'data must be a non-empty array')
      const now = clock()
      const docs = items.map((item, i) => {
        const doc = parseEjsonData(item, `data[${i}]`, now)
        if (!isPlainObject(doc)) throw new TcbError('INVALID_PARAM', 'a document must be an object')
        checkStorable(doc, 'insert')
        // An _id of any type is kept as given (a number, an ObjectId …); none gets a new one.
        const id = doc['_id'] === undefined || doc['_id'] === '' ? newDocumentId() : doc['_id']
        return { ...doc, _id: id }
      })
      const transactionId = transactionOf(body)
      const keys = docs.map((doc) => idKey(doc['_id']))
      if (transactionId) {
        docs.forEach((doc, i) => transactions.stage(transactionId, collection, keys[i]!, doc, true))
      } else {
        // One document is one statement, atomic by itself; several go in one transaction.
        if (docs.length === 1) store.write(collection, keys[0]!, docs[0]!, { mustNotExist: true })
        else
          store.atomically(() =>
            docs.forEach((doc, i) =>
              store.write(collection, keys[i]!, doc, { mustNotExist: true }),
            ),
          )
      }
      return { insertedIds: docs.map((doc) => wireId(doc['_id'])) }
    },

    'database.getDocument': (body) => {
      const collection = collectionOf(body)
      const filter = queryOf(body)
      const transactionId = transactionOf(body)
      const projection = body['projection']
        ? asObject(parseEjson(body['projection'], 'projection'), 'projection')
        : undefined
      if (body['queryType'] === 'DOC') {
        const id = docIdOf(filter)
        if (!transactionId && !projection) {
          const text = store.getTextById(collection, id)
          return { list: text === null ? [] : [withHexObjectIds(text)] }
        }
        const doc = transactionId
          ? transactions.get(transactionId, collection, id)
          : store.getById(collection, id)
        const list = doc ? (projection ? projectDocuments([doc], projection) : [doc]) : []
        return { list: list.map((item) => withHexObjectIds(serializeDocument(item))) }
      }
      if (transactionId) {
        // As in production: a transaction reads and writes single documents only (no where).
        throw new TcbError(
          'DATABASE_REQUEST_FAILED',
          'a transaction supports single-document operations only (doc().get/set/update/remove, add), not where() queries',
        )
      }
      const spec = {
        filter,
        sort: orderOf(body),
        skip: nonNegative(body['offset'], 0, 'offset'),
        limit: Math.min(
          nonNegative(body['limit'], DEFAULT_LIMIT, 'limit') || DEFAULT_LIMIT,
          MAX_LIMIT,
        ),
        ...(projection ? { projection } : {}),
      }
      const list = store
        .findText(collection, spec)
        .map((doc) => withHexObjectIds(typeof doc === 'string' ? doc : serializeDocument(doc)))
      return { list, limit: spec.limit, offset: spec.skip }
    },

    'database.calculateDocument': (body) => {
      const collection = collectionOf(body)
      return { total: store.count(collection, queryOf(body)) }
    },

    'database.modifyDocument': (body) => {
      const collection = collectionOf(body)
      const filter = queryOf(body)
      const data = asObject(parseEjsonData(body['data'], 'data', clock()), 'data')
      const transactionId = transactionOf(body)
      const merge = body['merge'] !== false
      if (body['queryType'] === 'DOC') {
        const id = docIdOf(filter)
        const current = transactionId
          ? transactions.get(transactionId, collection, id)
          : store.getById(collection, id)
        if (!current) {
          if (merge || body['upsert'] !== true) return { updated: 0 }
          const doc = { ...replacement(data), _id: filter['_id'] }
          if (transactionId) transactions.stage(transactionId, collection, id, doc)
          else store.write(collection, id, doc)
          return { updated: 0, upsert_id: wireId(filter['_id']) }
        }
        const next = merge
          ? applyUpdate(current, data)
          : { doc: { ...replacement(data), _id: current['_id'] }, changed: true }
        if (!next.changed) return { updated: 0 }
        if (transactionId) transactions.stage(transactionId, collection, id, next.doc)
        else store.write(collection, id, next.doc, { replacing: current, touched: next.touched })
        return { updated: 1 }
      }
      return { updated: updateWhere(store, collection, filter, data, body['multi'] !== false) }
    },

    'database.removeDocument': (body) => {
      const collection = collectionOf(body)
      const filter = queryOf(body)
      const transactionId = transactionOf(body)
      if (body['queryType'] === 'DOC') {
        const id = docIdOf(filter)
        const current = transactionId
          ? transactions.get(transactionId, collection, id)
          : store.getById(collection, id)
        if (!current) return { deleted: 0 }
        if (transactionId) transactions.stage(transactionId, collection, id, null)
        else store.write(collection, id, null)
        return { deleted: 1 }
      }
      const docs = store.find(collection, {
        filter,
        ...(body['multi'] === false ? { limit: 1 } : {}),
      })
      store.atomically(() =>
        docs.forEach((doc) => store.write(collection, idKey(doc['_id']), null)),
      )
      return { deleted: docs.length }
    },

    /**
     * `updateAndReturn`: `updated` counts the matched document even when the update leaves it as
     * it was, as CloudBase answers (the SDK's test "验证findAndModify 更新相同值" expects
     * `res.updated === 1`); in a transaction it reads and writes that transaction's view.
     */
    'database.modifyAndReturnDoc': (body) => {
      const collection = collectionOf(body)
      const filter = queryOf(body)
      const data = asObject(parseEjsonData(body['data'], 'data', clock()), 'data')
      const transactionId = transactionOf(body)
      if (transactionId) {
        const doc = transactions.findOne(transactionId, collection, filter)
        if (!doc) return { updated: 0, doc: null }
        const next = applyUpdate(doc, data)
        transactions.stage(transactionId, collection, idKey(doc['_id']), next.doc)
        return { updated: 1, doc: serializeDocument(next.doc) }
      }
      return store.atomically(() => {
        const [doc] = store.find(collection, { filter, limit: 1 })
        if (!doc) return { updated: 0, doc: null }
        const next = applyUpdate(doc, data)
        if (next.changed)
          store.write(collection, idKey(doc['_id']), next.doc, {
            replacing: doc,
            touched: next.touched,
          })
        return { updated: 1, doc: serializeDocument(next.doc) }
      })
    },

    'database.aggregateDocuments': (body) => {
      const collection = collectionOf(body)
      const stages = body['stages']
      if (!Array.isArray(stages)) throw new TcbError('INVALID_PARAM', 'stages must be an array')
      const pipeline = stages.map((stage, i) => {
        if (!isPlainObject(stage) || typeof stage['stageKey'] !== 'string') {
          throw new TcbError('INVALID_PARAM', `stages[${i}] is malformed`)
        }
        return { [stage['stageKey']]: parseEjson(stage['stageValue'], `stages[${i}]`) } as Document
      })
      return {
        list: runPipeline(store, collection, pipeline).map((doc) =>
          EJSON.stringify(doc, { relaxed: true }),
        ),
      }
    },

    // The SDK reads `transactionId` from the top level of the response; the server copies it there.
    'database.startTransaction': () => ({ transactionId: transactions.start() }),
    'database.commitTransaction': (body) => {
      transactions.commit(requireTransaction(body))
      return {}
    },
    'database.abortTransaction': (body) => {
      transactions.abort(requireTransaction(body))
      return {}
    },
  }
}

function updateWhere(
  store: Store,
  collection: string,
  filter: Document,
  data: Document,
  multi: boolean,
): number {
  // Read and written in one synchronous SQLite transaction: nothing can change in between.
  return store.atomically(() => {
    const docs = store.find(collection, { filter, ...(multi ? {} : { limit: 1 }) })
    let updated = 0
    for (const doc of docs) {
      const next = applyUpdate(doc, data)
      if (!next.changed) continue
      store.write(collection, idKey(doc['_id']), next.doc, {
        replacing: doc,
        touched: next.touched,
      })
      updated++
    }
    return updated
  })
}

function queryOf(body: Record<string, unknown>): Document {
  const query = body['query']
  if (query === undefined || query === null || query === '') return {}
  return asObject(parseEjson(query, 'query'), 'query')
}

function orderOf(body: Record<string, unknown>): Array<[string, 1 | -1]> {
  if (!body['order']) return []
  const order = asObject(parseEjson(body['order'], 'order'), 'order')
  return Object.entries(order).map(([field, direction]) => [
    field,
    Number(direction) === -1 ? -1 : 1,
  ])
}

/** The store key of a `doc(id)` query: `doc(42)` finds the document whose _id is the number 42. */
function docIdOf(filter: Document): string {
  const id = filter['_id']
  if (id === '' || id === null || id === undefined)
    throw new TcbError('INVALID_PARAM', 'a document query needs an _id')
  return idKey(id)
}

function requireTransaction(body: Record<string, unknown>): string {
  if (typeof body['transactionId'] !== 'string')
    throw new TcbError('INVALID_PARAM', 'transactionId is required')
  return body['transactionId']
}

function asObject(value: unknown, field: string): Document {
  if (!isPlainObject(value)) throw new TcbError('INVALID_PARAM', `${field} must be an object`)
  return value
}

function nonNegative(value: unknown, fallback: number, field: string): number {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TcbError('INVALID_PARAM', `${field} must be a non-negative integer`)
  }
  return value
}

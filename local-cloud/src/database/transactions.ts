/**
 * Transactions as the cloud runs them: snapshot reads, first writer wins. A write to a document
 * that another open transaction has written, or that changed since this transaction's snapshot,
 * fails at once with DATABASE_TRANSACTION_CONFLICT; commit re-checks and applies all or nothing.
 * Open transactions are aborted after 30 s, production's limit.
 */
import { randomUUID } from 'node:crypto'
import { TcbError } from '../protocol/tcbError'
import { idKey } from './documentIds'
import type { Document } from './ejson'
import { compileFilter } from './engine'
import { History } from './history'
import type { Store } from './store'

export const TRANSACTION_TIMEOUT_MS = 30_000

interface PendingWrite {
  collection: string
  id: string
  doc: Document | null
  insert: boolean
}

interface Transaction {
  id: string
  snapshot: number
  writes: Map<string, PendingWrite>
  timer: NodeJS.Timeout
}

export class Transactions {
  private readonly open = new Map<string, Transaction>()
  /** Which transaction holds each written document. */
  private readonly locks = new Map<string, string>()

  constructor(private readonly store: Store) {}

  start(): string {
    const id = randomUUID()
    const snapshot = this.store.openSnapshot(id)
    const timer = setTimeout(() => this.end(id), TRANSACTION_TIMEOUT_MS)
    // Node's timers can be unref'd; a browser-like host's (jsdom, in page tests) are numbers.
    if (typeof timer === 'object') timer.unref()
    this.open.set(id, { id, snapshot, writes: new Map(), timer })
    return id
  }

  get(transactionId: string, collection: string, id: string): Document | null {
    const transaction = this.require(transactionId)
    this.store.collection(collection)
    const own = transaction.writes.get(History.key(collection, id))
    if (own) return own.doc
    return this.store.getAtSnapshot(collection, id, transaction.snapshot)
  }

  /**
   * The first document a where-query matches as this transaction sees it (`updateAndReturn` in a
   * transaction): its own writes first, then the others at its snapshot.
   */
  findOne(transactionId: string, collection: string, filter: Document): Document | null {
    const transaction = this.require(transactionId)
    this.store.collection(collection)
    const matches = compileFilter(filter)
    const own = [...transaction.writes.values()].filter((w) => w.collection === collection)
    const staged = own.find((write) => write.doc !== null && matches(write.doc))
    if (staged) return staged.doc
    const ownIds = new Set(own.map((write) => write.id))
    for (const current of this.store.find(collection, { filter })) {
      const id = idKey(current['_id'])
      if (ownIds.has(id)) continue
      const seen = this.store.getAtSnapshot(collection, id, transaction.snapshot)
      if (seen && matches(seen)) return seen
    }
    return null
  }

  /** Stages a write after checking that nobody else got there first. */
  stage(
    transactionId: string,
    collection: string,
    id: string,
    doc: Document | null,
    insert = false,
  ): void {
    const transaction = this.require(transactionId)
    this.store.collection(collection)
    const key = History.key(collection, id)
    const holder = this.locks.get(key)
    if (holder && holder !== transactionId) throw conflict()
    const seq = this.store.sequenceOf(collection, id)
    if (seq !== null && seq > transaction.snapshot) throw conflict()
    if (insert && this.get(transactionId, collection, id) !== null) {
      throw new TcbError(
        'DATABASE_REQUEST_FAILED',
        `E11000 duplicate key error collection: ${collection} index: _id_`,
      )
    }
    this.locks.set(key, transactionId)
    const earlier = transaction.writes.get(key)
    transaction.writes.set(key, {
      collection,
      id,
      doc,
      insert: insert || (earlier?.insert ?? false),
    })
  }

  commit(transactionId: string): void {
    const transaction = this.require(transactionId)
    try {
      this.store.atomically(() => {
        for (const write of transaction.writes.values()) {
          const seq = this.store.sequenceOf(write.collection, write.id)
          // Written outside any transaction since our snapshot: we would overwrite it blindly.
          if (seq !== null && seq > transaction.snapshot) throw conflict()
        }
        for (const write of transaction.writes.values()) {
          this.store.write(write.collection, write.id, write.doc, {
            mustNotExist: write.insert && write.doc !== null,
          })
        }
      })
    } finally {
      this.end(transactionId)
    }
  }

  abort(transactionId: string): void {
    this.require(transactionId)
    this.end(transactionId)
  }

  private require(transactionId: string): Transaction {
    const transaction = this.open.get(transactionId)
    // CloudBase's words, which apps match on (a production log quoted in the WeChat developer
    // community: code DATABASE_TRANSACTION_FAIL, this message).
    if (!transaction) {
      throw new TcbError(
        'DATABASE_TRANSACTION_FAIL',
        '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
      )
    }
    return transaction
  }

  private end(transactionId: string): void {
    const transaction = this.open.get(transactionId)
    if (!transaction) return
    clearTimeout(transaction.timer)
    for (const key of transaction.writes.keys()) {
      if (this.locks.get(key) === transactionId) this.locks.delete(key)
    }
    this.open.delete(transactionId)
    this.store.closeSnapshot(transactionId)
  }
}

/** CloudBase's code and words (TencentCloudBase/node-sdk test/database/unit/transaction.test.ts). */
function conflict(): TcbError {
  return new TcbError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  )
}

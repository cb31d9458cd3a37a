/**
 * Transactions that survive a crowd. wx-server-sdk's own retry covers only a conflict at commit,
 * restarts without aborting (the failed attempt keeps its locks until the 30 s limit), and does
 * not retry a conflict raised by a write inside the callback
 * (docs/architecture.md「平台事实：事务的限制与重试」). So each attempt runs with the SDK's retries off
 * (it then aborts on any failure) and we retry a conflict ourselves, after a random pause that
 * grows with each attempt. Refusals (AppError) are not retried: the transaction is rolled back and
 * the refusal goes to the caller as it is.
 */
import type { Database, DocumentRef } from '../../shared/cloud'
import { AppError, isAppError } from '../../shared/errors'
import { retryTransaction, sleep } from '../../shared/transaction'

/**
 * The parts of a transaction we use: single documents only. Production refuses where() inside a
 * transaction (单记录操作 only), and so does the local cloud.
 */
export interface Tx {
  collection<T>(name: string): { doc(id: string): DocumentRef<T> }
}

export const MAX_ATTEMPTS = 40

/** Thrown by our own code when what a transaction read outside itself changed: retried like any conflict. */
export class TransactionConflict extends Error {
  constructor() {
    super('TRANSACTION_CONFLICT: read again')
    this.name = 'TransactionConflict'
  }
}

export function isConflict(error: unknown): boolean {
  if (isAppError(error)) return false
  const e = error as { code?: unknown; errMsg?: unknown; message?: unknown } | null
  const text = `${String(e?.code ?? '')} ${String(e?.errMsg ?? '')} ${String(e?.message ?? '')}`
  return /TRANSACTION_CONFLICT|Transaction is conflict/i.test(text)
}

export { sleep as pause }

/** Full jitter: a random pause up to 4 ms, doubling with each attempt to at most 128 ms. */
export const backoff = (attempt: number) => sleep(Math.random() * 4 * 2 ** Math.min(attempt, 5))

/** One attempt: its result, or `conflict` when another transaction got there first (rolled back). */
export async function attemptTransaction<R>(
  db: Database,
  work: (tx: Tx) => Promise<R>,
): Promise<{ conflict: false; result: R } | { conflict: true }> {
  try {
    const result = await db.runTransaction((transaction) => work(transaction as unknown as Tx), 0)
    return { conflict: false, result }
  } catch (error) {
    if (isConflict(error)) return { conflict: true }
    throw error
  }
}

/** Up to MAX_ATTEMPTS attempts, with a backoff after each conflict (the last one included). */
export function inTransaction<R>(db: Database, work: (tx: Tx) => Promise<R>): Promise<R> {
  return retryTransaction(db, (transaction) => work(transaction as unknown as Tx), {
    isConflict,
    async afterConflict(conflicts) {
      await backoff(conflicts - 1)
      if (conflicts >= MAX_ATTEMPTS) {
        throw new AppError('CONFLICT', '同时操作的人太多了，请稍后再试')
      }
    },
  })
}

/**
 * Transactions retried by us, not by wx-server-sdk: its own retry covers only some conflicts and
 * a few attempts. Each attempt runs with the SDK's retries off (it then aborts on any failure);
 * a conflict (another transaction got to the same document first) is tried again on a fresh
 * snapshot, anything else (a refusal included) is rolled back and thrown as it is. How long to
 * keep trying and how long to wait in between is the caller's: a crowd differs by function.
 */
import type { Database, Transaction } from './cloud'

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export interface RetryRule {
  /** Whether an error is a conflict, to be tried again. */
  isConflict(error: unknown): boolean
  /** Waits after the `conflicts`-th conflict before the next attempt, or throws to give up. */
  afterConflict(conflicts: number): Promise<void>
}

export async function retryTransaction<R>(
  db: Database,
  work: (tx: Transaction) => Promise<R>,
  rule: RetryRule,
): Promise<R> {
  for (let conflicts = 1; ; conflicts++) {
    try {
      return await db.runTransaction(work, 0)
    } catch (error) {
      if (!rule.isConflict(error)) throw error
    }
    await rule.afterConflict(conflicts)
  }
}

/** Whether an error is the database saying another transaction got to a document first. */
export function isTransactionConflict(error: unknown): boolean {
  const e = error as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown }
  if (e?.code === 'DATABASE_TRANSACTION_CONFLICT') return true
  const text = `${String(e?.errMsg ?? '')} ${String(e?.message ?? '')}`
  return /transaction.{0,20}conflict|conflict.{0,40}transaction/i.test(text)
}

/** A short transaction retried on conflict, for the rare writes two people may race on. */
export function inShortTransaction<R>(
  db: Database,
  work: (tx: Transaction) => Promise<R>,
  attempts = 20,
): Promise<R> {
  return retryTransaction(db, work, {
    isConflict: isTransactionConflict,
    async afterConflict(conflicts) {
      if (conflicts >= attempts) throw new Error('transaction kept conflicting')
      await sleep(Math.random() * 4 * 2 ** Math.min(conflicts, 5))
    },
  })
}

/**
 * The ledger's transactions and running totals. Every write of the ledger (a receipt with its
 * number and claims, a void, an expense) happens in one transaction with the building-year's
 * ledger document, which holds the receipt counter and the year's totals: a number is used if
 * and only if its receipt was written, and totals stay exact however many documents there are.
 */
import type { LedgerTotals } from '../../../typings/fees'
import type { Database, Transaction } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { isTransactionConflict, retryTransaction, sleep } from '../../shared/transaction'
import { withLease } from './lease'
import { FEE_COLLECTIONS, type LedgerDoc } from './model'

/**
 * How long a contended transaction keeps trying. Writers of one ledger are lined up by the lease
 * before, so inside it conflicts are rare; the waits stay under the function's 20 s timeout.
 */
const RETRY_FOR_MS = 4_000

/**
 * Runs `work` in a transaction, again on a fresh snapshot whenever another transaction got to
 * the same document first (first writer wins). wx-server-sdk's own retry is three attempts and
 * only on some codes: with a whole building's heads recording at once that is not enough.
 * Anything else (an AppError from `work` included) rolls back and is thrown as it is. No new
 * attempt starts after `until` (epoch ms) either.
 */
export function inTransaction<R>(
  db: Database,
  work: (tx: Transaction) => Promise<R>,
  until = Infinity,
): Promise<R> {
  const deadline = Math.min(Date.now() + RETRY_FOR_MS, until)
  return retryTransaction(db, work, {
    isConflict: isTransactionConflict,
    async afterConflict(attempt) {
      if (Date.now() > deadline) {
        throw new AppError('CONFLICT', '同时记账的人太多，请稍后再试')
      }
      await sleep(Math.random() * Math.min(50, 2 + 3 * attempt))
    },
  })
}

/**
 * A transaction that writes the building-year's ledger: writers of the same ledger wait their
 * turn for a short lease first (lease.ts), so that they rarely collide inside.
 */
export function inLedgerTransaction<R>(
  db: Database,
  buildingId: string,
  year: number,
  work: (tx: Transaction) => Promise<R>,
): Promise<R> {
  return withLease(db, ledgerId(buildingId, year), () => inTransaction(db, work))
}

export function ledgerId(buildingId: string, year: number): string {
  return `${buildingId}_${year}`
}

export function emptyLedger(
  buildingId: string,
  communityId: string,
  year: number,
  now: Date,
): Omit<LedgerDoc, '_id'> {
  return {
    communityId,
    buildingId,
    year,
    lastSeq: 0,
    receiptCount: 0,
    incomeFen: 0,
    voidedReceiptCount: 0,
    voidedIncomeFen: 0,
    expenseCount: 0,
    expenseFen: 0,
    voidedExpenseCount: 0,
    voidedExpenseFen: 0,
    updatedAt: now,
  }
}

/** Reads the building-year's ledger inside a transaction, or a fresh one. */
export async function readLedger(
  tx: Transaction,
  buildingId: string,
  communityId: string,
  year: number,
  now: Date,
): Promise<Omit<LedgerDoc, '_id'>> {
  const { data } = await tx
    .collection<LedgerDoc>(FEE_COLLECTIONS.ledgers)
    .doc(ledgerId(buildingId, year))
    .get()
  if (!data) return emptyLedger(buildingId, communityId, year, now)
  const { _id: _ignored, ...ledger } = data
  return ledger
}

export async function writeLedger(
  tx: Transaction,
  ledger: Omit<LedgerDoc, '_id'>,
  now: Date,
): Promise<void> {
  await tx
    .collection<LedgerDoc>(FEE_COLLECTIONS.ledgers)
    .doc(ledgerId(ledger.buildingId, ledger.year))
    .set({ data: { ...ledger, updatedAt: now } })
}

/** The ledger's running counts and sums: what an entry adds to. */
export type LedgerCounter = Exclude<
  keyof LedgerDoc,
  '_id' | 'communityId' | 'buildingId' | 'year' | 'updatedAt'
>

/**
 * Adds `increments` to the building-year's ledger inside a transaction (a fresh ledger when the
 * year has none yet); answers the ledger with the increments added.
 */
export async function addToLedger(
  tx: Transaction,
  place: { buildingId: string; communityId: string },
  year: number,
  now: Date,
  increments: Partial<Record<LedgerCounter, number>>,
): Promise<Omit<LedgerDoc, '_id'>> {
  const ledger = await readLedger(tx, place.buildingId, place.communityId, year, now)
  for (const [counter, by] of Object.entries(increments) as Array<[LedgerCounter, number]>) {
    ledger[counter] += by
  }
  await writeLedger(tx, ledger, now)
  return ledger
}

export function zeroTotals(): LedgerTotals {
  return {
    incomeFen: 0,
    voidedIncomeFen: 0,
    expenseFen: 0,
    voidedExpenseFen: 0,
    balanceFen: 0,
    receiptCount: 0,
    voidedReceiptCount: 0,
    expenseCount: 0,
    voidedExpenseCount: 0,
  }
}

export function totalsOf(ledgers: ReadonlyArray<Omit<LedgerDoc, '_id'>>): LedgerTotals {
  const totals = zeroTotals()
  for (const l of ledgers) {
    totals.incomeFen += l.incomeFen
    totals.voidedIncomeFen += l.voidedIncomeFen
    totals.expenseFen += l.expenseFen
    totals.voidedExpenseFen += l.voidedExpenseFen
    totals.receiptCount += l.receiptCount
    totals.voidedReceiptCount += l.voidedReceiptCount
    totals.expenseCount += l.expenseCount
    totals.voidedExpenseCount += l.voidedExpenseCount
  }
  totals.balanceFen = balanceOf(totals)
  return totals
}

/** What the fund holds after these sums: income less expenses, voided entries taken out. */
export function balanceOf(
  t: Pick<LedgerTotals, 'incomeFen' | 'voidedIncomeFen' | 'expenseFen' | 'voidedExpenseFen'>,
): number {
  return t.incomeFen - t.voidedIncomeFen - (t.expenseFen - t.voidedExpenseFen)
}

/** Every year's ledger of a building, newest first (one document a year). */
export async function buildingLedgers(
  db: Database,
  buildingId: string,
): Promise<Array<LedgerDoc & { _id: string }>> {
  const { data } = await db
    .collection<LedgerDoc>(FEE_COLLECTIONS.ledgers)
    .where({ buildingId })
    .orderBy('year', 'desc')
    .limit(1000)
    .get()
  return data
}

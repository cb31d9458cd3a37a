/** Expenses with their countersignatures, newest first. */
import type { ExpenseView } from '../../../typings/fees'
import type { Database } from '../../shared/cloud'
import { FEE_COLLECTIONS, type CountersignDoc, type ExpenseDoc } from './model'
import { expenseView } from './views'

export async function loadCountersigns(
  db: Database,
  expenseIds: readonly string[],
): Promise<CountersignDoc[]> {
  if (expenseIds.length === 0) return []
  const { data } = await db
    .collection<CountersignDoc>(FEE_COLLECTIONS.countersigns)
    .where({ expenseId: db.command['in']!([...expenseIds]) })
    .limit(1000)
    .get()
  return data
}

export async function expenseViews(
  db: Database,
  expenses: readonly ExpenseDoc[],
  viewer: { openid: string; homes: readonly string[]; showNote: boolean },
): Promise<ExpenseView[]> {
  const countersigns = await loadCountersigns(
    db,
    expenses.map((e) => e._id),
  )
  return expenses.map((e) => expenseView(e, countersigns, viewer))
}

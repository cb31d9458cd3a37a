/** A building's arrears with who a reminder would reach: shared by the list, reminders and exports. */
import type { ArrearsRow } from '../../../typings/fees'
import type { Database } from '../../shared/cloud'
import { COLLECTIONS, type BindingDoc } from '../../shared/model'
import { dayKey } from '../../shared/time'
import { FEE_COLLECTIONS, type PlanVersion, type ReminderDoc } from './model'
import { arrearsOf, buildingHouseholds, fetchAll, paidKeys } from './status'

export async function buildingArrears(
  db: Database,
  buildingId: string,
  versions: readonly PlanVersion[],
  asOfMonth: number,
  now: Date,
): Promise<ArrearsRow[]> {
  if (versions.length === 0) return []
  const [households, paid, bindings, reminders] = await Promise.all([
    buildingHouseholds(db, buildingId),
    paidKeys(db, { buildingId }),
    fetchAll(() =>
      db
        .collection<BindingDoc>(COLLECTIONS.bindings)
        .where({ buildingId, status: 'approved' })
        .orderBy('requestedAt', 'asc')
        .field({ householdId: true }),
    ),
    db
      .collection<ReminderDoc>(FEE_COLLECTIONS.reminders)
      .where({ buildingId, day: dayKey(now) })
      .limit(1000)
      .get(),
  ])
  const residents = new Map<string, number>()
  for (const b of bindings) residents.set(b.householdId, (residents.get(b.householdId) ?? 0) + 1)
  const reminded = new Set(reminders.data.map((r) => r.householdId))
  return arrearsOf(versions, households, paid, asOfMonth).map((row) => ({
    ...row,
    residents: residents.get(row.householdId) ?? 0,
    remindedToday: reminded.has(row.householdId),
  }))
}

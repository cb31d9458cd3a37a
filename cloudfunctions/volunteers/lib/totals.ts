/**
 * Totals added up by the database (aggregate with $group), never by fetching records: correct
 * however many there are. Each pipeline ends in a few rows (one per team, month or nothing).
 */
import type { Totals } from '../../../typings/volunteers'
import type { Database } from '../../shared/cloud'
import { VOLUNTEER_COLLECTIONS } from './model'
import { hoursOf } from './rules'

export function totalsOf(minutes: number, services: number): Totals {
  return { hours: hoursOf(minutes), minutes, services }
}

/** Confirmed service of the signups matching `match` (a volunteer, a team…). */
export async function serviceTotals(db: Database, match: Record<string, unknown>): Promise<Totals> {
  const $ = db.command.aggregate
  const { list } = await db
    .collection(VOLUNTEER_COLLECTIONS.signups)
    .aggregate()
    .match({ ...match, hoursStatus: 'confirmed' })
    .group({ _id: null, minutes: $['sum']!('$confirmedMinutes'), services: $['sum']!(1) })
    .limit(1)
    .end()
  const row = list[0]
  return totalsOf(Number(row?.['minutes'] ?? 0), Number(row?.['services'] ?? 0))
}

export interface GroupTotals {
  minutes: number
  services: number
  volunteers: number
}

/** Confirmed service grouped by a field (`teamId`, `month`), with distinct volunteers. */
export async function serviceTotalsBy(
  db: Database,
  match: Record<string, unknown>,
  field: string,
): Promise<Map<string, GroupTotals>> {
  const $ = db.command.aggregate
  const { list } = await db
    .collection(VOLUNTEER_COLLECTIONS.signups)
    .aggregate()
    .match({ ...match, hoursStatus: 'confirmed' })
    .group({
      _id: `$${field}`,
      minutes: $['sum']!('$confirmedMinutes'),
      services: $['sum']!(1),
      people: $['addToSet']!('$openid'),
    })
    .project({ minutes: 1, services: 1, volunteers: $['size']!('$people') })
    .limit(1000)
    .end()
  return new Map(
    list.map((row) => [
      String(row['_id']),
      {
        minutes: Number(row['minutes'] ?? 0),
        services: Number(row['services'] ?? 0),
        volunteers: Number(row['volunteers'] ?? 0),
      },
    ]),
  )
}

/** Distinct volunteers with confirmed service among the signups matching `match`. */
export async function distinctVolunteers(
  db: Database,
  match: Record<string, unknown>,
): Promise<number> {
  const { list } = await db
    .collection(VOLUNTEER_COLLECTIONS.signups)
    .aggregate()
    .match({ ...match, hoursStatus: 'confirmed' })
    .group({ _id: '$openid' })
    .count('volunteers')
    .limit(1)
    .end()
  return Number(list[0]?.['volunteers'] ?? 0)
}

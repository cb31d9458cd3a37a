/**
 * Which household-periods are paid, exempt, due or overdue: the plan's schedule against the
 * claims of valid receipts. Everything is read a page (1000 rows) at a time, never assumed to fit
 * in one query.
 */
import type { ArrearsRow, HouseholdPeriodView } from '../../../typings/fees'
import type { Database, Query } from '../../shared/cloud'
import { COLLECTIONS, type HouseholdDoc } from '../../shared/model'
import { FEE_COLLECTIONS, type ClaimDoc, type PlanVersion } from './model'
import { comparePeriods, periodLabel, periodsBetween, type ScheduledPeriod } from './periods'

const PAGE = 1000

/** Every row of a query, a page at a time; `query` must order the rows stably. */
export async function fetchAll<T>(query: () => Query<T>): Promise<Array<T & { _id: string }>> {
  const rows: Array<T & { _id: string }> = []
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query().skip(skip).limit(PAGE).get()
    rows.push(...data)
    if (data.length < PAGE) return rows
  }
}

/** A building's households by floor and room. */
export function buildingHouseholds(db: Database, buildingId: string) {
  return fetchAll(() =>
    db
      .collection<HouseholdDoc>(COLLECTIONS.households)
      .where({ buildingId })
      .orderBy('floor', 'asc')
      .orderBy('room', 'asc')
      .field({ room: true, floor: true, buildingId: true }),
  )
}

/** `<householdId>_<period>` of every paid household-period matching `filter`. */
export async function paidKeys(
  db: Database,
  filter: Record<string, unknown>,
): Promise<Map<string, ClaimDoc>> {
  const claims = await fetchAll(() =>
    db
      .collection<ClaimDoc>(FEE_COLLECTIONS.claims)
      .where({ ...filter, active: true })
      .orderBy('_id', 'asc'),
  )
  return new Map(claims.map((c) => [c._id, c]))
}

export function claimId(householdId: string, period: string): string {
  return `${householdId}_${period}`
}

/** The earliest of a household's `periods` that a valid receipt pays, if any. */
export async function paidClaim(
  db: Database,
  householdId: string,
  periods: readonly string[],
): Promise<(ClaimDoc & { _id: string }) | null> {
  const { data } = await db
    .collection<ClaimDoc>(FEE_COLLECTIONS.claims)
    .where({
      _id: db.command['in']!(periods.map((key) => claimId(householdId, key))),
      active: true,
    })
    .limit(periods.length)
    .get()
  return data.sort((a, b) => comparePeriods(a.period, b.period))[0] ?? null
}

export function exemptionOf(period: ScheduledPeriod, householdId: string) {
  return period.version.exemptions.find((e) => e.householdId === householdId)
}

/** A household's periods from the plan's start to `aheadMonths` after now, oldest first. */
export function householdPeriods(
  versions: readonly PlanVersion[],
  householdId: string,
  paid: ReadonlyMap<string, ClaimDoc>,
  nowMonth: number,
  aheadMonths: number,
): HouseholdPeriodView[] {
  if (versions.length === 0) return []
  return periodsBetween(versions, versions[0]!.startMonth, nowMonth + aheadMonths).map((period) => {
    const claim = paid.get(claimId(householdId, period.key))
    const exemption = exemptionOf(period, householdId)
    const base = {
      key: period.key,
      label: periodLabel(period.key),
      amountFen: exemption ? 0 : period.version.amountFen,
    }
    if (claim) {
      return {
        ...base,
        amountFen: claim.amountFen,
        status: 'paid' as const,
        receipt: { id: claim.receiptId ?? '', number: claim.receiptNumber ?? '' },
      }
    }
    if (exemption) return { ...base, status: 'exempt' as const, exemptReason: exemption.reason }
    if (period.startMonth > nowMonth) return { ...base, status: 'upcoming' as const }
    if (period.endMonth < nowMonth) return { ...base, status: 'overdue' as const }
    return { ...base, status: 'due' as const }
  })
}

/** Households with unpaid periods that have started (up to `asOfMonth`), in the order given. */
export function arrearsOf(
  versions: readonly PlanVersion[],
  households: ReadonlyArray<Pick<HouseholdDoc, '_id' | 'room'>>,
  paid: ReadonlyMap<string, ClaimDoc>,
  asOfMonth: number,
): Array<Omit<ArrearsRow, 'residents' | 'remindedToday'>> {
  if (versions.length === 0) return []
  const started = periodsBetween(versions, versions[0]!.startMonth, asOfMonth)
  const rows: Array<Omit<ArrearsRow, 'residents' | 'remindedToday'>> = []
  for (const household of households) {
    const periods = started
      .filter((p) => !paid.has(claimId(household._id, p.key)) && !exemptionOf(p, household._id))
      .map((p) => ({
        key: p.key,
        label: periodLabel(p.key),
        amountFen: p.version.amountFen,
        overdue: p.endMonth < asOfMonth,
      }))
    if (periods.length === 0) continue
    rows.push({
      householdId: household._id,
      room: household.room,
      periods,
      amountFen: periods.reduce((sum, p) => sum + p.amountFen, 0),
    })
  }
  return rows
}

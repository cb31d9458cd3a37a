/** A building's fee plan: its versions, as views and as the schedule the ledger checks against. */
import type { FeePlanVersionView, FeePlanView, PlanSummary } from '../../../typings/fees'
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { monthKey } from '../../shared/time'
import type { BuildingAccess } from './access'
import { maxAmountFen } from './limits'
import { CYCLE_LABELS, FEE_COLLECTIONS, type FeePlanDoc, type PlanVersion } from './model'
import { monthIndex, periodInForce, periodRef, startOptions, type ScheduledPeriod } from './periods'

export async function loadPlan(
  db: Database,
  buildingId: string,
): Promise<(FeePlanDoc & { _id: string }) | null> {
  const { data } = await db.collection<FeePlanDoc>(FEE_COLLECTIONS.plans).doc(buildingId).get()
  return data
}

/** The plan's versions, or FAILED_PRECONDITION when the head has not set one yet. */
export async function requirePlan(db: Database, buildingId: string): Promise<PlanVersion[]> {
  const plan = await loadPlan(db, buildingId)
  if (!plan || plan.versions.length === 0) {
    throw new AppError('FAILED_PRECONDITION', '本楼还没有设置收费标准，请楼栋长先设置')
  }
  return plan.versions
}

/** The Beijing month of an instant as an index. */
export function nowMonthOf(now: Date): number {
  return monthIndex(monthKey(now))
}

export function versionView(version: PlanVersion): FeePlanVersionView {
  return {
    version: version.version,
    amountFen: version.amountFen,
    cycle: version.cycle,
    start: periodRef(version.startPeriod),
    exemptions: version.exemptions.map((e) => ({ ...e })),
    note: version.note ?? null,
    createdAt: new Date(version.createdAt).toISOString(),
  }
}

/** What the period in force asks of a household, or null before the plan starts. */
export function planSummary(inForce: ScheduledPeriod | null): PlanSummary | null {
  if (!inForce) return null
  const { amountFen, cycle } = inForce.version
  return { amountFen, cycle, cycleLabel: CYCLE_LABELS[cycle] }
}

export function planView(
  access: BuildingAccess,
  versions: readonly PlanVersion[],
  now: Date,
): FeePlanView {
  const month = nowMonthOf(now)
  const inForce = periodInForce(versions, month)
  const last = versions[versions.length - 1]
  // The next version to take over: one starting later that no later-recorded version cuts off.
  const upcoming = versions.find(
    (v, i) =>
      v.startMonth > month && !versions.slice(i + 1).some((w) => w.startMonth <= v.startMonth),
  )
  return {
    buildingId: access.building._id,
    buildingName: access.buildingName,
    communityId: access.building.communityId,
    receiptPrefix: last?.receiptPrefix ?? null,
    versions: versions.map(versionView),
    current: inForce ? versionView(inForce.version) : null,
    upcoming: upcoming ? versionView(upcoming) : null,
    canEdit: access.head,
    startOptions: startOptions(versions, month),
    maxAmountFen: maxAmountFen(),
  }
}

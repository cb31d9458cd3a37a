import type { BuildingRatingSummary } from '../../../typings/ratings'
import { getBuilding } from '../../shared/lookups'
import { COLLECTIONS, type HouseholdDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { monthKey } from '../../shared/time'
import { docId, input } from '../../shared/validation'
import { DIMENSION_NAMES, monthsUpTo, summarise } from '../lib/fiveStar'
import { canManageBuilding } from '../../shared/caller'
import { RATING_COLLECTIONS, type CorridorRatingDoc } from '../lib/model'
import { ratingSettingsOf } from '../lib/settings'
import { monthTotals } from '../lib/totals'

/** A building's corridor: this month per dimension, the 12-month trend, recent comments (by room, no names). */
export const buildingSummary = defineAction({
  input: input({ buildingId: docId('楼栋') }),
  async run({ buildingId }, context): Promise<BuildingRatingSummary> {
    const db = context.cloud.database()
    const building = await getBuilding(db, buildingId)
    const months = monthsUpTo(monthKey(context.now()), 12)
    const [totals, settings] = await Promise.all([
      monthTotals(db, { buildingId, month: db.command['in']!(months) }),
      ratingSettingsOf(db, building.communityId),
    ])
    const trend = months.map((month) =>
      summarise(
        month,
        totals.get(`${buildingId}|${month}`),
        building.householdCount,
        settings.rule,
        settings.dimensions,
      ),
    )
    const { data: commented } = await db
      .collection<CorridorRatingDoc>(RATING_COLLECTIONS.current)
      .where({ buildingId, month: months[months.length - 1], comment: db.command['exists']!(true) })
      .orderBy('updatedAt', 'desc')
      .limit(10)
      .get()
    const rooms = new Map<string, string>()
    if (commented.length > 0) {
      const { data: households } = await db
        .collection<HouseholdDoc>(COLLECTIONS.households)
        .where({ _id: db.command['in']!(commented.map((r) => r.householdId)) })
        .limit(10)
        .get()
      households.forEach((h) => rooms.set(h._id, h.room))
    }
    const current = trend[trend.length - 1]!
    const caller = await context.caller()
    const currentTotals = totals.get(`${buildingId}|${current.month}`)
    const weakPoints = canManageBuilding(caller, building)
      ? settings.dimensions
          .map((dimension) => ({
            dimension,
            label: DIMENSION_NAMES[dimension],
            average: current.averages[dimension],
            lowCount: currentTotals?.low[dimension] ?? 0,
          }))
          .sort((a, b) => (a.average ?? 6) - (b.average ?? 6) || b.lowCount - a.lowCount)
      : undefined
    return {
      buildingId,
      dimensions: settings.dimensions.map((key) => ({ key, label: DIMENSION_NAMES[key] })),
      current,
      ...(weakPoints ? { weakPoints } : {}),
      trend,
      recentComments: commented.map((r) => ({
        room: rooms.get(r.householdId) ?? '',
        comment: r.comment ?? '',
        photos: r.photos ?? [],
        at: new Date(r.updatedAt).toISOString(),
      })),
      partnerUnit: building.partnerUnit?.name ?? null,
      partnerActivities: (building.partnerActivities ?? [])
        .slice(-10)
        .reverse()
        .map((a) => ({ unit: a.unit, activity: a.activity, at: new Date(a.at).toISOString() })),
    }
  },
})

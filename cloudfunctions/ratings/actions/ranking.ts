import { z } from 'zod'
import type { RankingRow } from '../../../typings/ratings'
import { COLLECTIONS, type BuildingDoc, type EstateDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { summarise } from '../lib/fiveStar'
import { ratingSettingsOf } from '../lib/settings'
import { monthTotals } from '../lib/totals'

/** A community's buildings for a month, best first; five-star buildings marked. */
export const ranking = defineAction({
  input: input({
    communityId: docId('社区'),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式不正确' }),
  }),
  async run({ communityId, month }, context): Promise<RankingRow[]> {
    const db = context.cloud.database()
    const [totals, { data: buildings }, { data: estates }, settings] = await Promise.all([
      monthTotals(db, { communityId, month }),
      db
        .collection<BuildingDoc>(COLLECTIONS.buildings)
        .where({ communityId })
        .orderBy('sortKey', 'asc')
        .limit(1000)
        .get(),
      db.collection<EstateDoc>(COLLECTIONS.estates).where({ communityId }).limit(1000).get(),
      ratingSettingsOf(db, communityId),
    ])
    const estateNames = new Map(estates.map((e) => [e._id, e.name]))
    const rows = buildings.map((b) => ({
      ...summarise(
        month,
        totals.get(`${b._id}|${month}`),
        b.householdCount,
        settings.rule,
        settings.dimensions,
      ),
      buildingId: b._id,
      buildingName: `${estateNames.get(b.estateId) ?? ''} ${b.number}`.trim(),
    }))
    rows.sort(
      (a, b) => (b.overall ?? -1) - (a.overall ?? -1) || b.ratedHouseholds - a.ratedHouseholds,
    )
    return rows.map((row, i) => ({ ...row, rank: i + 1 }))
  },
})

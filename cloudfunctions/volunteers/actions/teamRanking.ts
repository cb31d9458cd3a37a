import type { TeamRankingRow } from '../../../typings/volunteers'
import { getCommunity } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { docId, input, month } from '../../shared/validation'
import { VOLUNTEER_COLLECTIONS, type TeamDoc } from '../lib/model'
import { hoursOf } from '../lib/rules'
import { serviceTotalsBy } from '../lib/totals'

/**
 * The month's ranking of the community's teams by confirmed service hours (the month of each
 * project's start, in Beijing time). Every team is listed, those without service last.
 */
export const teamRanking = defineAction({
  input: input({ communityId: docId('社区'), month: month() }),
  async run({ communityId, month: m }, context): Promise<TeamRankingRow[]> {
    const db = context.cloud.database()
    await getCommunity(db, communityId)
    const [{ data: teams }, totals] = await Promise.all([
      db
        .collection<TeamDoc>(VOLUNTEER_COLLECTIONS.teams)
        .where({ communityId })
        .orderBy('name', 'asc')
        .limit(200)
        .get(),
      serviceTotalsBy(db, { communityId, month: m }, 'teamId'),
    ])
    const rows = teams.map((team) => {
      const t = totals.get(team._id) ?? { minutes: 0, services: 0, volunteers: 0 }
      return {
        teamId: team._id,
        teamName: team.name,
        minutes: t.minutes,
        hours: hoursOf(t.minutes),
        services: t.services,
        volunteers: t.volunteers,
      }
    })
    rows.sort((a, b) => b.minutes - a.minutes || b.services - a.services)
    return rows.map((row, i) => ({ rank: i + 1, ...row }))
  },
})

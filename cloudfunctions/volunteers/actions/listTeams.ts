import type { TeamView } from '../../../typings/volunteers'
import { getCommunity } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { VOLUNTEER_COLLECTIONS, type TeamDoc } from '../lib/model'
import { myMemberships, teamViews } from '../lib/teams'

/** The alliance's teams in a community, with my membership of each. */
export const listTeams = defineAction({
  input: input({ communityId: docId('社区') }),
  async run({ communityId }, context): Promise<TeamView[]> {
    const db = context.cloud.database()
    const [caller, , { data: teams }, memberships] = await Promise.all([
      context.caller(),
      getCommunity(db, communityId),
      db
        .collection<TeamDoc>(VOLUNTEER_COLLECTIONS.teams)
        .where({ communityId })
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(200)
        .get(),
      myMemberships(db, context.openid),
    ])
    return teamViews(db, caller, teams, memberships)
  },
})

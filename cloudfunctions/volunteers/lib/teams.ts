/** Teams as the caller sees them. */
import type { TeamView } from '../../../typings/volunteers'
import type { Caller } from '../../shared/caller'
import type { Database } from '../../shared/cloud'
import { byIds } from '../../shared/lookups'
import { COLLECTIONS, type UserDoc } from '../../shared/model'
import { canManageTeam, leads, nameFor } from './access'
import { VOLUNTEER_COLLECTIONS, type MembershipDoc, type TeamDoc } from './model'

export const userName = (user: UserDoc | undefined): string =>
  user ? user.realName || user.displayName : '已注销用户'

export async function myMemberships(
  db: Database,
  openid: string,
): Promise<Map<string, MembershipDoc>> {
  const { data } = await db
    .collection<MembershipDoc>(VOLUNTEER_COLLECTIONS.memberships)
    .where({ openid })
    .limit(100)
    .get()
  return new Map(data.map((m) => [m.teamId, m]))
}

export async function teamViews(
  db: Database,
  caller: Caller,
  teams: TeamDoc[],
  memberships: Map<string, MembershipDoc>,
): Promise<TeamView[]> {
  const leaders = await byIds<UserDoc>(
    db,
    COLLECTIONS.users,
    teams.flatMap((t) => (t.leaderOpenid ? [t.leaderOpenid] : [])),
  )
  return teams.map((team) => {
    const mine = memberships.get(team._id)
    const full = canManageTeam(caller, team)
    return {
      id: team._id,
      communityId: team.communityId,
      name: team.name,
      description: team.description ?? '',
      serviceTypes: team.serviceTypes,
      leaderName: team.leaderOpenid
        ? nameFor(userName(leaders.get(team.leaderOpenid)), full || mine?.status === 'approved')
        : null,
      memberCount: team.memberCount,
      myMembership: mine?.status ?? null,
      iLead: leads(caller, team),
    }
  })
}

import type { TeamDetail } from '../../../typings/volunteers'
import { byIds } from '../../shared/lookups'
import { COLLECTIONS, type UserDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { canManageTeam, getTeam, nameFor } from '../lib/access'
import { teamId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type MembershipDoc, type TeamResponseDoc } from '../lib/model'
import { myMemberships, teamViews, userName } from '../lib/teams'
import { serviceTotals } from '../lib/totals'
import { iso } from '../lib/views'

/**
 * A team's page: members (names in full only for its leader and staff), requests to join (for
 * them too), the projects that invited it, and its confirmed service totals.
 */
export const teamDetail = defineAction({
  input: input({ teamId: teamId() }),
  async run({ teamId: id }, context): Promise<TeamDetail> {
    const db = context.cloud.database()
    const _ = db.command
    const [caller, team, memberships] = await Promise.all([
      context.caller(),
      getTeam(db, id),
      myMemberships(db, context.openid),
    ])
    const canManage = canManageTeam(caller, team)
    const members = db.collection<MembershipDoc>(VOLUNTEER_COLLECTIONS.memberships)
    const since = new Date(context.now().getTime() - 24 * 3600_000)
    const [{ data: approved }, { data: pending }, { data: invitations }, totals] =
      await Promise.all([
        members
          .where({ teamId: id, status: 'approved' })
          .orderBy('joinedAt', 'asc')
          .limit(200)
          .get(),
        canManage
          ? members
              .where({ teamId: id, status: 'pending' })
              .orderBy('requestedAt', 'asc')
              .limit(100)
              .get()
          : Promise.resolve({ data: [] as MembershipDoc[] }),
        db
          .collection<TeamResponseDoc>(VOLUNTEER_COLLECTIONS.responses)
          .where({ teamId: id, startAt: _['gt']!(since) })
          .orderBy('startAt', 'asc')
          .limit(20)
          .get(),
        serviceTotals(db, { teamId: id }),
      ])
    const users = await byIds<UserDoc>(db, COLLECTIONS.users, [
      ...approved.map((m) => m.openid),
      ...pending.map((m) => m.openid),
    ])
    const [view] = await teamViews(db, caller, [team], memberships)
    return {
      ...view!,
      members: approved.map((m) => ({
        openid: canManage ? m.openid : '',
        name: nameFor(userName(users.get(m.openid)), canManage),
        joinedAt: iso(m.joinedAt ?? m.requestedAt)!,
      })),
      pending: pending.map((m) => ({
        openid: m.openid,
        name: userName(users.get(m.openid)),
        note: m.note ?? null,
        requestedAt: iso(m.requestedAt)!,
      })),
      invitations: invitations.map((r) => ({
        projectId: r.projectId,
        title: r.title,
        startAt: iso(r.startAt)!,
        status: r.status,
        places: r.places,
      })),
      totals,
      canManage,
    }
  },
})

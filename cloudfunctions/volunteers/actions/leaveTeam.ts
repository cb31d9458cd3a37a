import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { getTeam, leads, membershipId } from '../lib/access'
import { teamId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type MembershipDoc, type TeamDoc } from '../lib/model'

/** A member leaves (or withdraws a request). The leader cannot: staff appoint another first. */
export const leaveTeam = defineAction({
  input: input({ teamId: teamId() }),
  async run({ teamId: id }, context) {
    const db = context.cloud.database()
    const team = await getTeam(db, id)
    if (leads(context, team))
      throw new AppError('FAILED_PRECONDITION', '队长不能退出，请先由社区工作人员更换队长')
    const key = membershipId(id, context.openid)
    const { data: current } = await db
      .collection<MembershipDoc>(VOLUNTEER_COLLECTIONS.memberships)
      .doc(key)
      .get()
    if (!current || (current.status !== 'approved' && current.status !== 'pending'))
      throw new AppError('FAILED_PRECONDITION', '您不是本队队员')
    const { stats } = await db
      .collection<MembershipDoc>(VOLUNTEER_COLLECTIONS.memberships)
      .where({ _id: key, status: current.status })
      .update({ data: { status: 'left' } })
    if (stats.updated !== 1) throw new AppError('CONFLICT')
    if (current.status === 'approved') {
      await db
        .collection<TeamDoc>(VOLUNTEER_COLLECTIONS.teams)
        .doc(id)
        .update({ data: { memberCount: db.command['inc']!(-1) } })
    }
    return { teamId: id, status: 'left' as const }
  },
})

import { appendAudit } from '../../shared/audit'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input, oneOf, text } from '../../shared/validation'
import { getTeam, membershipId } from '../lib/access'
import { openid, teamId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type MembershipDoc, type TeamDoc } from '../lib/model'

/** The team's leader (or staff) approves or rejects, with a reason, a request to join. */
export const reviewMember = defineAction({
  input: input({
    teamId: teamId(),
    openid: openid(),
    decision: oneOf('审核结果', ['approve', 'reject']),
    reason: text('理由', { max: 100 }).optional(),
  }).refine((value) => value.decision === 'approve' || Boolean(value.reason), {
    error: '拒绝时请写明理由',
    path: ['reason'],
  }),
  async run({ teamId: id, openid: member, decision, reason }, context) {
    const db = context.cloud.database()
    const team = await getTeam(db, id)
    const now = context.now()
    const change =
      decision === 'approve'
        ? {
            status: 'approved' as const,
            joinedAt: now,
            reviewedBy: context.openid,
            reviewedAt: now,
          }
        : {
            status: 'rejected' as const,
            reason: reason!,
            reviewedBy: context.openid,
            reviewedAt: now,
          }
    // Only a pending request changes: two reviewers at once cannot both decide.
    const { stats } = await db
      .collection<MembershipDoc>(VOLUNTEER_COLLECTIONS.memberships)
      .where({ _id: membershipId(id, member), status: 'pending' })
      .update({ data: change })
    if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', '这条申请已经处理过了')
    if (decision === 'approve') {
      await db
        .collection<TeamDoc>(VOLUNTEER_COLLECTIONS.teams)
        .doc(id)
        .update({ data: { memberCount: db.command['inc']!(1) } })
    }
    await appendAudit(db, {
      actor: context.openid,
      action: `volunteers.reviewMember.${decision}`,
      target: { collection: VOLUNTEER_COLLECTIONS.memberships, id: membershipId(id, member) },
      communityId: team.communityId,
      before: { status: 'pending' },
      after: { status: change.status },
      ...(reason ? { reason } : {}),
    })
    return { teamId: id, openid: member, status: change.status }
  },
})

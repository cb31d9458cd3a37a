import { requirePrivacyAgreed } from '../../shared/caller'
import { AppError } from '../../shared/errors'
import { isDuplicateKey } from '../../shared/idempotency'
import { defineAction } from '../../shared/router'
import { input, text } from '../../shared/validation'
import { getTeam, membershipId } from '../lib/access'
import { teamId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type MembershipDoc } from '../lib/model'

/** Asks to join a team; its leader approves. One open request per person and team. */
export const joinTeam = defineAction({
  input: input({ teamId: teamId(), note: text('自我介绍', { max: 100 }).optional() }),
  async run({ teamId: id, note }, context) {
    const db = context.cloud.database()
    const [caller, team] = await Promise.all([context.caller(), getTeam(db, id)])
    requirePrivacyAgreed(caller.user)
    const memberships = db.collection<MembershipDoc>(VOLUNTEER_COLLECTIONS.memberships)
    const key = membershipId(id, context.openid)
    const request = {
      status: 'pending' as const,
      requestedAt: context.now(),
      ...(note ? { note } : {}),
    }
    // Again after a refusal or leaving: the same document, reopened.
    const { stats } = await memberships
      .where({ _id: key, status: db.command['in']!(['rejected', 'left']) })
      .update({ data: { ...request, reason: db.command['remove']!() } })
    if (stats.updated === 1) return { teamId: id, status: 'pending' as const }
    try {
      await memberships.add({
        data: {
          _id: key,
          teamId: id,
          communityId: team.communityId,
          openid: context.openid,
          ...request,
        },
      })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      throw new AppError('ALREADY_EXISTS', '您已经申请过或已是本队队员')
    }
    return { teamId: id, status: 'pending' as const }
  },
})

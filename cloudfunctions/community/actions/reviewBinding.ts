import type { BindingView } from '../../../typings/community'
import { appendAudit } from '../../shared/audit'
import { AppError } from '../../shared/errors'
import { COLLECTIONS, type BindingDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input, oneOf, text } from '../../shared/validation'
import { getBinding } from '../../shared/lookups'
import { bindingView } from '../lib/views'

/**
 * The building's head or the community's staff approves or rejects (with a reason) a pending
 * binding; never the person who asked (communityPolicy).
 */
export const reviewBinding = defineAction({
  input: input({
    bindingId: docId('绑定申请'),
    decision: oneOf('审核结果', ['approve', 'reject']),
    reason: text('理由', { max: 100 }).optional(),
  }).refine((value) => value.decision === 'approve' || Boolean(value.reason), {
    error: '拒绝时请写明理由',
    path: ['reason'],
  }),
  async run({ bindingId, decision, reason }, context): Promise<BindingView> {
    const db = context.cloud.database()
    const binding = await getBinding(db, bindingId)
    if (binding.status !== 'pending')
      throw new AppError('FAILED_PRECONDITION', '这条申请已经处理过了')

    const now = context.now()
    const change: Partial<BindingDoc> =
      decision === 'approve'
        ? { status: 'approved', reviewedBy: context.openid, reviewedAt: now }
        : {
            status: 'rejected',
            activeSlot: bindingId,
            reviewedBy: context.openid,
            reviewedAt: now,
            reason: reason!,
          }
    // Only a still-pending request changes: two reviewers tapping at once cannot both decide.
    const { stats } = await db
      .collection<BindingDoc>(COLLECTIONS.bindings)
      .where({ _id: bindingId, status: 'pending' })
      .update({ data: change })
    if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', '这条申请已经处理过了')
    await appendAudit(db, {
      actor: context.openid,
      action: `community.reviewBinding.${decision}`,
      target: { collection: COLLECTIONS.bindings, id: bindingId },
      communityId: binding.communityId,
      before: { status: 'pending' },
      after: change,
      ...(reason ? { reason } : {}),
    })
    return bindingView(db, { ...binding, ...change })
  },
})

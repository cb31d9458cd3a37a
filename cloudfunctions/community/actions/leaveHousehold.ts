import type { BindingView } from '../../../typings/community'
import { AppError } from '../../shared/errors'
import { COLLECTIONS, type BindingDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { getBinding } from '../../shared/lookups'
import { bindingView } from '../lib/views'

/** Leaves a household I am bound to, or withdraws my pending request. Only my own. */
export const leaveHousehold = defineAction({
  input: input({ bindingId: docId('绑定') }),
  async run({ bindingId }, context): Promise<BindingView> {
    const db = context.cloud.database()
    const binding = await getBinding(db, bindingId)
    if (binding.activeSlot !== 'active')
      throw new AppError('FAILED_PRECONDITION', '这条绑定已经解除了')
    const change = { status: 'left' as const, activeSlot: bindingId, leftAt: context.now() }
    const { stats } = await db
      .collection<BindingDoc>(COLLECTIONS.bindings)
      .where({ _id: bindingId, activeSlot: 'active' })
      .update({ data: change })
    if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', '这条绑定已经解除了')
    return bindingView(db, { ...binding, ...change })
  },
})

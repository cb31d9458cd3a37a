import type { BindingView } from '../../../typings/community'
import { AppError } from '../../shared/errors'
import { COLLECTIONS, type BindingDoc, type HouseholdDoc } from '../../shared/model'
import { requireQuota } from '../../shared/quota'
import { defineAction } from '../../shared/router'
import { docId, input, requestId, text } from '../../shared/validation'
import { getBuilding } from '../../shared/lookups'
import { requirePrivacyAgreed } from '../../shared/caller'
import { bindingView } from '../lib/views'
import { isDuplicateKey, requestScopedId } from '../../shared/idempotency'

/**
 * Asks to be bound to a household (building + room); the building's head approves. One open
 * request per user and household, enforced by a unique index even when tapped twice at once.
 */
export const requestBinding = defineAction({
  input: input({
    buildingId: docId('楼栋'),
    room: text('房号', { max: 10 }),
    requestId: requestId(),
  }),
  async run({ buildingId, room, requestId: clientRequestId }, context): Promise<BindingView> {
    const db = context.cloud.database()
    const bindings = db.collection<BindingDoc>(COLLECTIONS.bindings)
    const repeat = await bindings
      .where({ openid: context.openid, requestId: clientRequestId })
      .limit(1)
      .get()
    if (repeat.data[0]) return bindingView(db, repeat.data[0])

    const { user } = await context.caller()
    requirePrivacyAgreed(user)
    const building = await getBuilding(db, buildingId)
    await requireQuota(
      db,
      'bindings',
      { openid: context.openid, communityId: building.communityId },
      context.now(),
    )
    const { data: households } = await db
      .collection<HouseholdDoc>(COLLECTIONS.households)
      .where({ buildingId, room })
      .limit(1)
      .get()
    const household = households[0]
    if (!household)
      throw new AppError('INVALID_ARGUMENT', `${building.number}没有 ${room} 这个房号，请核对`, [
        { field: 'room', message: '房号不存在' },
      ])

    const binding: BindingDoc = {
      _id: requestScopedId('bd', context.openid, clientRequestId),
      openid: context.openid,
      householdId: household._id,
      buildingId,
      communityId: building.communityId,
      status: 'pending',
      activeSlot: 'active',
      requestId: clientRequestId,
      requestedAt: context.now(),
    }
    try {
      await bindings.add({ data: binding })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      // The same request twice at once: answer the first one's result.
      const first = await bindings.doc(binding._id).get()
      if (first.data) return bindingView(db, first.data)
      throw new AppError('ALREADY_EXISTS', '您已经申请过或已绑定这户，无需重复申请')
    }
    return bindingView(db, binding)
  },
})

import type { PendingBindingView } from '../../../typings/community'
import { COLLECTIONS, type BindingDoc, type HouseholdDoc, type UserDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { byIds, getBuilding } from '../../shared/lookups'
import { iso, residentView } from '../lib/views'

/** Requests waiting for the building head, oldest first. */
export const listPendingBindings = defineAction({
  input: input({ buildingId: docId('楼栋') }),
  async run({ buildingId }, context): Promise<PendingBindingView[]> {
    const db = context.cloud.database()
    const [caller, building] = await Promise.all([context.caller(), getBuilding(db, buildingId)])
    const { data } = await db
      .collection<BindingDoc>(COLLECTIONS.bindings)
      .where({ buildingId, status: 'pending' })
      .orderBy('requestedAt', 'asc')
      .limit(100)
      .get()
    const users = await byIds<UserDoc>(
      db,
      COLLECTIONS.users,
      data.map((b) => b.openid),
    )
    const households = await byIds<HouseholdDoc>(
      db,
      COLLECTIONS.households,
      data.map((b) => b.householdId),
    )
    return data.flatMap((binding) => {
      const user = users.get(binding.openid)
      if (!user) return []
      return [
        {
          id: binding._id,
          householdId: binding.householdId,
          room: households.get(binding.householdId)?.room ?? '',
          resident: residentView(caller, building, user),
          requestedAt: iso(binding.requestedAt)!,
        },
      ]
    })
  },
})

import { z } from 'zod'
import type { HouseholdView, Page } from '../../../typings/community'
import { canManageBuilding, livesIn } from '../../shared/caller'
import { COLLECTIONS, type BindingDoc, type HouseholdDoc, type UserDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { byIds, getBuilding } from '../../shared/lookups'
import { residentView } from '../lib/views'

/**
 * A building's households by room. Anyone may list the rooms (to ask to bind one); the
 * building's residents also see its 党员中心户; its heads and the community's staff also see
 * who lives there and which flats stand empty.
 */
export const listHouseholds = defineAction({
  input: input({
    buildingId: docId('楼栋'),
    cursor: z
      .string()
      .regex(/^\d{1,5}$/, { error: '翻页位置不正确' })
      .optional(),
    pageSize: z.number().int().min(1).max(200, { error: '每页最多 200 户' }).optional(),
  }),
  async run({ buildingId, cursor, pageSize = 200 }, context): Promise<Page<HouseholdView>> {
    const db = context.cloud.database()
    const [caller, building] = await Promise.all([context.caller(), getBuilding(db, buildingId)])
    const offset = Number(cursor ?? 0)
    const { data } = await db
      .collection<HouseholdDoc>(COLLECTIONS.households)
      .where({ buildingId })
      .orderBy('floor', 'asc')
      .orderBy('room', 'asc')
      .skip(offset)
      .limit(pageSize + 1)
      .get()
    const page = data.slice(0, pageSize)
    const manager = canManageBuilding(caller, building)
    const neighbour = manager || livesIn(caller, buildingId)
    const residentsOf = new Map<string, HouseholdView['residents']>()
    if (manager && page.length > 0) {
      const { data: bindings } = await db
        .collection<BindingDoc>(COLLECTIONS.bindings)
        .where({ buildingId, status: 'approved' })
        .limit(1000)
        .get()
      const users = await byIds<UserDoc>(
        db,
        COLLECTIONS.users,
        bindings.map((b) => b.openid),
      )
      for (const binding of bindings) {
        const user = users.get(binding.openid)
        if (!user) continue
        const list = residentsOf.get(binding.householdId) ?? []
        list.push(residentView(caller, building, user))
        residentsOf.set(binding.householdId, list)
      }
    }
    return {
      items: page.map((h) => ({
        id: h._id,
        room: h.room,
        floor: h.floor,
        ...(neighbour ? { partyMember: h.partyMember } : {}),
        ...(manager ? { vacant: h.vacant, residents: residentsOf.get(h._id) ?? [] } : {}),
      })),
      nextCursor: data.length > pageSize ? String(offset + pageSize) : null,
    }
  },
})

import { z } from 'zod'
import type { HouseholdView } from '../../../typings/community'
import { appendAudit } from '../../shared/audit'
import { COLLECTIONS, type HouseholdDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { getHousehold } from '../../shared/lookups'

/** 党员中心户: staff mark (or unmark) a household so that it shows its status. */
export const markPartyMemberHousehold = defineAction({
  input: input({
    householdId: docId('房屋'),
    partyMember: z.boolean({ error: '请选择是否为党员中心户' }),
  }),
  async run({ householdId, partyMember }, context): Promise<HouseholdView> {
    const db = context.cloud.database()
    const household = await getHousehold(db, householdId)
    await db
      .collection<HouseholdDoc>(COLLECTIONS.households)
      .doc(householdId)
      .update({ data: { partyMember } })
    await appendAudit(db, {
      actor: context.openid,
      action: 'community.markPartyMemberHousehold',
      target: { collection: COLLECTIONS.households, id: householdId },
      communityId: household.communityId,
      before: { partyMember: household.partyMember },
      after: { partyMember },
    })
    return {
      id: householdId,
      room: household.room,
      floor: household.floor,
      partyMember,
      vacant: household.vacant,
    }
  },
})

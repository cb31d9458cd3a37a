import type { BuildingView } from '../../../typings/community'
import { appendAudit } from '../../shared/audit'
import { loadCaller, requireStaffOf } from '../../shared/caller'
import { COLLECTIONS } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { setBuildingHead } from '../lib/headRoles'
import { getBuilding } from '../lib/lookups'
import { buildingView } from '../lib/views'

/** Staff record the building's elected head (a building may have more than one). */
export const appointBuildingHead = defineAction({
  input: input({ buildingId: docId('楼栋'), openid: docId('用户') }),
  async run({ buildingId, openid }, context): Promise<BuildingView> {
    const db = context.cloud.database()
    const [caller, building] = await Promise.all([
      loadCaller(db, context.openid),
      getBuilding(db, buildingId),
    ])
    requireStaffOf(caller, building.communityId)
    const updated = await setBuildingHead(db, building, openid, true)
    await appendAudit(db, {
      actor: context.openid,
      action: 'community.appointBuildingHead',
      target: { collection: COLLECTIONS.buildings, id: buildingId },
      communityId: building.communityId,
      before: { headOpenids: building.headOpenids },
      after: { headOpenids: updated.headOpenids },
    })
    return buildingView(db, caller, updated)
  },
})

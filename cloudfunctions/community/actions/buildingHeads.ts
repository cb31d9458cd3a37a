import type { BuildingView } from '../../../typings/community'
import { appendAudit } from '../../shared/audit'
import { COLLECTIONS } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { setBuildingHead } from '../lib/headRoles'
import { getBuilding } from '../../shared/lookups'
import { buildingView } from '../lib/views'

/** Staff record a building's elected head (a building may have more than one), or remove one. */
function buildingHeadAction(appoint: boolean) {
  return defineAction({
    input: input({ buildingId: docId('楼栋'), openid: docId('用户') }),
    async run({ buildingId, openid }, context): Promise<BuildingView> {
      const db = context.cloud.database()
      const [caller, building] = await Promise.all([context.caller(), getBuilding(db, buildingId)])
      const updated = await setBuildingHead(db, building, openid, appoint)
      await appendAudit(db, {
        actor: context.openid,
        action: appoint ? 'community.appointBuildingHead' : 'community.removeBuildingHead',
        target: { collection: COLLECTIONS.buildings, id: buildingId },
        communityId: building.communityId,
        before: { headOpenids: building.headOpenids },
        after: { headOpenids: updated.headOpenids },
      })
      return buildingView(db, caller, updated)
    },
  })
}

export const appointBuildingHead = buildingHeadAction(true)
export const removeBuildingHead = buildingHeadAction(false)

import { appendAudit } from '../../shared/audit'
import { getBuilding } from '../../shared/lookups'
import { COLLECTIONS, type BuildingDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input, text } from '../../shared/validation'

/**
 * 共建单位认领: staff record the work unit that adopts a building, and each thing it did there
 * (kept in order on the building, shown on its page).
 */
export const recordPartnerUnit = defineAction({
  input: input({
    buildingId: docId('楼栋'),
    name: text('共建单位名称', { max: 40 }),
    activity: text('做了什么', { max: 100 }).optional(),
  }),
  async run({ buildingId, name, activity }, context) {
    const db = context.cloud.database()
    const building = await getBuilding(db, buildingId)
    const now = context.now()
    const sameUnit = building.partnerUnit?.name === name
    const partnerUnit = { name, adoptedAt: sameUnit ? building.partnerUnit!.adoptedAt : now }
    const data: Record<string, unknown> = { partnerUnit: db.command['set']!(partnerUnit) }
    if (activity)
      data['partnerActivities'] = db.command['push']!([
        { unit: name, activity, at: now, by: context.openid },
      ])
    await db.collection<BuildingDoc>(COLLECTIONS.buildings).doc(buildingId).update({ data })
    await appendAudit(db, {
      actor: context.openid,
      action: 'ratings.recordPartnerUnit',
      target: { collection: COLLECTIONS.buildings, id: buildingId },
      communityId: building.communityId,
      before: { partnerUnit: building.partnerUnit ?? null },
      after: { partnerUnit, ...(activity ? { activity } : {}) },
    })
    return { buildingId, partnerUnit: name, adoptedAt: partnerUnit.adoptedAt.toISOString() }
  },
})

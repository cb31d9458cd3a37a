import type { BuildingView } from '../../../typings/community'
import { appendAudit } from '../../shared/audit'
import { AppError } from '../../shared/errors'
import { isDuplicateKey, requestScopedId } from '../../shared/idempotency'
import { COLLECTIONS, type BuildingDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input, requestId, text } from '../../shared/validation'
import { getEstate } from '../../shared/lookups'
import { buildingView } from '../lib/views'

/** A new building in an estate of my community, e.g. 17号楼. Numbers are unique within an estate. */
export const createBuilding = defineAction({
  input: input({
    estateId: docId('小区'),
    number: text('楼号', { max: 20 }),
    requestId: requestId(),
  }),
  async run({ estateId, number, requestId: clientRequestId }, context): Promise<BuildingView> {
    const db = context.cloud.database()
    const [caller, estate] = await Promise.all([context.caller(), getEstate(db, estateId)])
    const building: BuildingDoc = {
      _id: requestScopedId('b', context.openid, clientRequestId),
      communityId: estate.communityId,
      estateId,
      number,
      // Sorts 2号楼 before 10号楼.
      sortKey: `${estate.name}-${number.replace(/\d+/g, (digits) => digits.padStart(4, '0'))}`,
      headOpenids: [],
      householdCount: 0,
      createdAt: context.now(),
    }
    try {
      await db.collection<BuildingDoc>(COLLECTIONS.buildings).add({ data: building })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      const { data: same } = await db
        .collection<BuildingDoc>(COLLECTIONS.buildings)
        .doc(building._id)
        .get()
      if (same) return buildingView(db, caller, same)
      throw new AppError('ALREADY_EXISTS', `${estate.name}已经有${number}了`)
    }
    await appendAudit(db, {
      actor: context.openid,
      action: 'community.createBuilding',
      target: { collection: COLLECTIONS.buildings, id: building._id },
      communityId: estate.communityId,
      before: null,
      after: building,
    })
    return buildingView(db, caller, building)
  },
})

import type { BuildingView } from '../../../typings/community'
import { COLLECTIONS, type BuildingDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { getEstate } from '../../shared/lookups'
import { buildingView } from '../lib/views'

/** An estate's buildings; their heads only for those who manage them. */
export const listBuildings = defineAction({
  input: input({ estateId: docId('小区') }),
  async run({ estateId }, context): Promise<BuildingView[]> {
    const db = context.cloud.database()
    const [caller] = await Promise.all([context.caller(), getEstate(db, estateId)])
    const { data } = await db
      .collection<BuildingDoc>(COLLECTIONS.buildings)
      .where({ estateId })
      .orderBy('sortKey', 'asc')
      .limit(200)
      .get()
    return Promise.all(data.map((building) => buildingView(db, caller, building)))
  },
})

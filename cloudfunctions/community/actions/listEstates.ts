import type { EstateView } from '../../../typings/community'
import { COLLECTIONS, type EstateDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { getCommunity } from '../../shared/lookups'

/** A community's estates: public names, for the binding picker. */
export const listEstates = defineAction({
  input: input({ communityId: docId('社区') }),
  async run({ communityId }, context): Promise<EstateView[]> {
    const db = context.cloud.database()
    await getCommunity(db, communityId)
    const { data } = await db
      .collection<EstateDoc>(COLLECTIONS.estates)
      .where({ communityId })
      .orderBy('name', 'asc')
      .limit(200)
      .get()
    return data.map((e) => ({ id: e._id, communityId: e.communityId, name: e.name }))
  },
})

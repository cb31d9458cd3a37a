import type { CommunityView } from '../../../typings/community'
import { COLLECTIONS, type CommunityDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'

/** Every community of the deployment: public names, for pickers. */
export const listCommunities = defineAction({
  input: input({}),
  async run(_input, context): Promise<CommunityView[]> {
    const db = context.cloud.database()
    const { data } = await db
      .collection<CommunityDoc>(COLLECTIONS.communities)
      .orderBy('name', 'asc')
      .limit(100)
      .get()
    return data.map((c) => ({ id: c._id, name: c.name, street: c.street ?? null }))
  },
})

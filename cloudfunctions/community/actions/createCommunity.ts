import type { CommunityView } from '../../../typings/community'
import { appendAudit } from '../../shared/audit'
import { isDuplicateKey, requestScopedId } from '../../shared/idempotency'
import { COLLECTIONS, type CommunityDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { input, requestId, text } from '../../shared/validation'

/** A new community: deployment admins only (JINLIN_ADMIN_OPENIDS), who then grant its staff. */
export const createCommunity = defineAction({
  input: input({
    name: text('社区名称', { max: 30 }),
    street: text('街道', { max: 30 }).optional(),
    district: text('区县', { max: 30 }).optional(),
    requestId: requestId(),
  }),
  async run(
    { name, street, district, requestId: clientRequestId },
    context,
  ): Promise<CommunityView> {
    const db = context.cloud.database()
    const community: CommunityDoc = {
      _id: requestScopedId('c', context.openid, clientRequestId),
      name,
      ...(street ? { street } : {}),
      ...(district ? { district } : {}),
      createdAt: context.now(),
    }
    try {
      await db.collection<CommunityDoc>(COLLECTIONS.communities).add({ data: community })
      await appendAudit(db, {
        actor: context.openid,
        action: 'community.createCommunity',
        target: { collection: COLLECTIONS.communities, id: community._id },
        communityId: community._id,
        before: null,
        after: community,
      })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
    return { id: community._id, name, street: street ?? null }
  },
})

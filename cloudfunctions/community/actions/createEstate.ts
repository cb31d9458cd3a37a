import type { EstateView } from '../../../typings/community'
import { appendAudit } from '../../shared/audit'
import { AppError } from '../../shared/errors'
import { isDuplicateKey, requestScopedId } from '../../shared/idempotency'
import { COLLECTIONS, type EstateDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { docId, input, requestId, text } from '../../shared/validation'

/** A new estate (小区) in my community. Names are unique within a community. */
export const createEstate = defineAction({
  input: input({
    communityId: docId('社区'),
    name: text('小区名称', { max: 30 }),
    requestId: requestId(),
  }),
  async run({ communityId, name, requestId: clientRequestId }, context): Promise<EstateView> {
    const db = context.cloud.database()
    const estate: EstateDoc = {
      _id: requestScopedId('e', context.openid, clientRequestId),
      communityId,
      name,
      createdAt: context.now(),
    }
    try {
      await db.collection<EstateDoc>(COLLECTIONS.estates).add({ data: estate })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      const { data: same } = await db
        .collection<EstateDoc>(COLLECTIONS.estates)
        .doc(estate._id)
        .get()
      if (same) return { id: same._id, communityId: same.communityId, name: same.name }
      throw new AppError('ALREADY_EXISTS', `本社区已经有“${name}”了`)
    }
    await appendAudit(db, {
      actor: context.openid,
      action: 'community.createEstate',
      target: { collection: COLLECTIONS.estates, id: estate._id },
      communityId,
      before: null,
      after: estate,
    })
    return { id: estate._id, communityId, name }
  },
})

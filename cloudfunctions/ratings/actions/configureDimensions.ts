import { z } from 'zod'
import { appendAudit } from '../../shared/audit'
import { defineAction } from '../../shared/router'
import { docId, input, oneOf } from '../../shared/validation'
import { DIMENSIONS } from '../lib/fiveStar'
import { ratingSettingsOf, saveRatingSettings, SETTINGS_COLLECTION } from '../lib/settings'

/**
 * Staff choose which of the standard's dimensions their community rates (at least three). It
 * applies to ratings from now on; averages count each dimension over the ratings that scored it.
 */
export const configureDimensions = defineAction({
  input: input({
    communityId: docId('社区'),
    dimensions: z
      .array(
        oneOf('评价项目', ['cleanliness', 'safety', 'facilities', 'culture', 'harmony'] as const),
        {
          error: '请选择评价项目',
        },
      )
      .min(3, { error: '至少保留 3 个评价项目' })
      .refine((list) => new Set(list).size === list.length, { error: '评价项目不能重复' }),
  }),
  async run({ communityId, dimensions }, context) {
    const db = context.cloud.database()
    const before = (await ratingSettingsOf(db, communityId)).dimensions
    const ordered = DIMENSIONS.filter((d) => dimensions.includes(d))
    await saveRatingSettings(
      db,
      communityId,
      { dimensions: ordered },
      context.openid,
      context.now(),
    )
    await appendAudit(db, {
      actor: context.openid,
      action: 'ratings.configureDimensions',
      target: { collection: SETTINGS_COLLECTION, id: communityId },
      communityId,
      before: { dimensions: before },
      after: { dimensions: ordered },
    })
    return { dimensions: ordered }
  },
})

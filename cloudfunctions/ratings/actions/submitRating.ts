import { z } from 'zod'
import type { Scores } from '../../../typings/ratings'
import { checkText } from '../../shared/contentCheck'
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { photoIds, requireOwnUploads } from '../../shared/files'
import { isDuplicateKey, requestScopedId } from '../../shared/idempotency'
import { getBuilding } from '../../shared/lookups'
import { requireQuota } from '../../shared/quota'
import { defineAction } from '../../shared/router'
import { monthKey } from '../../shared/time'
import { docId, input, requestId, text } from '../../shared/validation'
import { DIMENSIONS, DIMENSION_NAMES } from '../lib/fiveStar'
import { RATING_COLLECTIONS, type CorridorRatingDoc } from '../lib/model'
import { ratingSettingsOf } from '../lib/settings'

const stars = (label: string) =>
  z
    .number({ error: `请给“${label}”打分` })
    .int({ error: `“${label}”请打 1 到 5 星` })
    .min(1, { error: `“${label}”请打 1 到 5 星` })
    .max(5, { error: `“${label}”请打 1 到 5 星` })

const scores = z.strictObject(
  Object.fromEntries(DIMENSIONS.map((d) => [d, stars(DIMENSION_NAMES[d]).optional()])) as Record<
    keyof Scores,
    z.ZodOptional<ReturnType<typeof stars>>
  >,
)

/**
 * A household rates its building for the current month. A later rating the same month replaces
 * the current one; every submission stays in the history. Safe to tap many times at once: the
 * history entry is keyed by the request, the current rating by household and month.
 */
export const submitRating = defineAction({
  input: input({
    buildingId: docId('楼栋'),
    month: z
      .string({ error: '缺少评价月份' })
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '评价月份格式不正确' }),
    scores,
    comment: text('留言', { max: 200 }).optional(),
    photos: photoIds(3).optional(),
    requestId: requestId(),
  }),
  async run(rating, context) {
    const db = context.cloud.database()
    const month = monthKey(context.now())
    if (rating.month !== month) {
      throw new AppError(
        'FAILED_PRECONDITION',
        `${rating.month} 的评价已经结束，现在可以评价 ${month}`,
      )
    }
    const [caller, building] = await Promise.all([
      context.caller(),
      getBuilding(db, rating.buildingId),
    ])
    const home = caller.homes.find((h) => h.buildingId === rating.buildingId)
    if (!home) throw new AppError('PERMISSION_DENIED', '只有本楼已绑定房屋的住户可以评价本楼楼道')
    // Exactly the community's dimensions: each scored, none other.
    const { dimensions } = await ratingSettingsOf(db, building.communityId)
    for (const d of DIMENSIONS) {
      const scored = rating.scores[d] !== undefined
      if (dimensions.includes(d) && !scored) {
        throw new AppError('INVALID_ARGUMENT', `请给“${DIMENSION_NAMES[d]}”打分`, [
          { field: `scores.${d}`, message: '缺少评分' },
        ])
      }
      if (!dimensions.includes(d) && scored) {
        throw new AppError('INVALID_ARGUMENT', `本社区不评价“${DIMENSION_NAMES[d]}”`, [
          { field: `scores.${d}`, message: '不需要评分' },
        ])
      }
    }
    await requireOwnUploads(db, context.cloud, context.openid, rating.photos ?? [])
    const now = context.now()
    const historyId = requestScopedId('rh', context.openid, rating.requestId)
    await requireQuotaUnlessRepeat(
      db,
      historyId,
      { openid: context.openid, communityId: building.communityId },
      now,
    )
    await checkText(context.cloud, context.openid, rating.comment ?? '', 2)

    const doc: Omit<CorridorRatingDoc, '_id' | 'submissions'> = {
      communityId: building.communityId,
      buildingId: building._id,
      householdId: home.householdId,
      month,
      openid: context.openid,
      scores: rating.scores,
      ...(rating.comment ? { comment: rating.comment } : {}),
      photos: rating.photos ?? [],
      updatedAt: now,
    }
    try {
      await db.collection(RATING_COLLECTIONS.history).add({
        data: { _id: historyId, ...doc },
      })
    } catch (error) {
      // The same request again (a retry): its history entry is there, the current rating is set again.
      if (!isDuplicateKey(error)) throw error
    }
    const id = `${home.householdId}_${month}`
    const current = db.collection<CorridorRatingDoc>(RATING_COLLECTIONS.current)
    const { stats } = await current.where({ _id: id }).update({
      data: {
        ...doc,
        scores: db.command['set']!(doc.scores),
        submissions: db.command['inc']!(1),
      },
    })
    let replaced = stats.updated === 1
    if (!replaced) {
      try {
        await current.add({ data: { _id: id, ...doc, submissions: 1 } })
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        // Another tap of the same household created it a moment ago: this one replaces it.
        await current.doc(id).update({
          data: {
            ...doc,
            scores: db.command['set']!(doc.scores),
            submissions: db.command['inc']!(1),
          },
        })
        replaced = true
      }
    }
    const overall =
      dimensions.reduce((sum, d) => sum + (rating.scores[d] ?? 0), 0) / dimensions.length
    return { id, month, overall: Math.round(overall * 100) / 100, replaced }
  },
})

/** The daily quota, except for a retry of a submission already recorded (it answers again). */
async function requireQuotaUnlessRepeat(
  db: Database,
  historyId: string,
  who: { openid: string; communityId: string },
  now: Date,
): Promise<void> {
  try {
    await requireQuota(db, 'ratings', who, now)
  } catch (error) {
    const { data: repeat } = await db.collection(RATING_COLLECTIONS.history).doc(historyId).get()
    if (!repeat) throw error
  }
}

import { z } from 'zod'
import type { SuggestionsActions } from '../../../typings/suggestions'
import { appendAudit } from '../../shared/audit'
import { isHeadOf, requirePrivacyAgreed, worksFor } from '../../shared/caller'
import { checkText } from '../../shared/contentCheck'
import { AppError } from '../../shared/errors'
import { photoIds, requireOwnUploads } from '../../shared/files'
import { isDuplicateKey, requestScopedId } from '../../shared/idempotency'
import { getBuilding, getCommunity, getEstate, getHousehold } from '../../shared/lookups'
import type { BuildingDoc, HouseholdDoc } from '../../shared/model'
import { requireQuota } from '../../shared/quota'
import { defineAction } from '../../shared/router'
import { monthKey } from '../../shared/time'
import { docId, input, oneOf, requestId, text } from '../../shared/validation'
import { CATEGORIES } from '../lib/categories'
import { NOT_YET_HANDLED, SUGGESTIONS, type SuggestionDoc } from '../lib/model'

type Output = SuggestionsActions['submit']['output']

/**
 * A resident raises a matter; a grid worker, head or staff member may file one for a resident
 * without a phone. Idempotent: the same request id answers the item it created.
 */
export const submit = defineAction({
  input: input({
    communityId: docId('社区'),
    category: oneOf('类别', CATEGORIES),
    title: text('标题', { max: 40 }),
    description: text('详细描述', { max: 1000 }),
    photos: photoIds(9).optional(),
    buildingId: docId('楼栋').optional(),
    place: text('地点', { max: 40 }).optional(),
    showName: z.boolean({ error: '请选择是否公开姓名' }).optional(),
    onBehalf: z
      .strictObject({
        householdId: docId('住户'),
        residentName: text('居民姓名', { max: 20 }),
      })
      .optional(),
    requestId: requestId(),
  }),
  async run(request, context): Promise<Output> {
    const db = context.cloud.database()
    const id = requestScopedId('sg', context.openid, request.requestId)
    const existing = await db.collection<SuggestionDoc>(SUGGESTIONS).doc(id).get()
    if (existing.data) return { id, status: existing.data.status }

    const [caller, community] = await Promise.all([
      context.caller(),
      getCommunity(db, request.communityId),
    ])
    requirePrivacyAgreed(caller.user)
    let household: HouseholdDoc | null = null
    if (request.onBehalf) {
      household = await getHousehold(db, request.onBehalf.householdId)
      const mayFile =
        worksFor(caller, household.communityId) || isHeadOf(caller, household.buildingId)
      if (!mayFile) {
        throw new AppError(
          'PERMISSION_DENIED',
          '只有网格员、本楼楼栋长或社区工作人员可以代居民提交',
        )
      }
      if (household.communityId !== community._id) {
        throw new AppError('INVALID_ARGUMENT', '这户居民不在所选社区')
      }
      if (request.buildingId && request.buildingId !== household.buildingId) {
        throw new AppError('INVALID_ARGUMENT', '这户居民不住在所选楼栋')
      }
    }
    const buildingId = household?.buildingId ?? request.buildingId ?? null
    let building: BuildingDoc | null = null
    let buildingName: string | null = null
    if (buildingId) {
      building = await getBuilding(db, buildingId)
      if (building.communityId !== community._id) {
        throw new AppError('INVALID_ARGUMENT', '所选楼栋不在这个社区')
      }
      buildingName = `${(await getEstate(db, building.estateId)).name} ${building.number}`
    }
    const photos = request.photos ?? []
    await requireOwnUploads(db, context.cloud, context.openid, photos)
    await requireQuota(
      db,
      'suggestions',
      { openid: context.openid, communityId: community._id },
      context.now(),
    )
    // Staff, handlers and (on the wall) neighbours read it.
    await checkText(
      context.cloud,
      context.openid,
      [
        request.title,
        request.description,
        request.place ?? '',
        request.onBehalf?.residentName ?? '',
      ]
        .filter(Boolean)
        .join('\n'),
      3,
    )

    const now = context.now()
    const ownHome = buildingId ? caller.homes.find((h) => h.buildingId === buildingId) : undefined
    const item: SuggestionDoc = {
      _id: id,
      communityId: community._id,
      estateId: building?.estateId ?? null,
      buildingId,
      buildingName,
      place: request.place ?? null,
      category: request.category,
      title: request.title,
      description: request.description,
      photos,
      ownerOpenid: context.openid,
      reporterName:
        request.onBehalf?.residentName ?? caller.user.realName ?? caller.user.displayName,
      showName: request.showName ?? false,
      householdId: household?._id ?? ownHome?.householdId ?? null,
      onBehalf:
        household && request.onBehalf
          ? {
              residentName: request.onBehalf.residentName,
              room: household.room,
              filedBy: context.openid,
            }
          : null,
      ...NOT_YET_HANDLED,
      month: monthKey(now),
      createdAt: now,
      updatedAt: now,
      version: 0,
      timeline: [
        {
          at: now,
          actorRole: 'reporter',
          actor: context.openid,
          kind: 'submitted',
          ...(household ? { text: `代${household.room}居民提交` } : {}),
        },
      ],
    }
    try {
      await db.collection<SuggestionDoc>(SUGGESTIONS).add({ data: item })
    } catch (error) {
      // The same request a moment ago (a double tap): it created the item.
      if (!isDuplicateKey(error)) throw error
      return { id, status: 'submitted' }
    }
    if (item.onBehalf) {
      await appendAudit(db, {
        actor: context.openid,
        action: 'suggestions.submitOnBehalf',
        target: { collection: SUGGESTIONS, id },
        communityId: community._id,
        after: { householdId: item.householdId, residentName: item.onBehalf.residentName },
      })
    }
    return { id, status: 'submitted' }
  },
})

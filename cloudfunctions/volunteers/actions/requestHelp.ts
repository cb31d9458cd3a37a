import { z } from 'zod'
import type { HelpRequestView } from '../../../typings/volunteers'
import { requirePrivacyAgreed } from '../../shared/caller'
import { checkText } from '../../shared/contentCheck'
import { AppError } from '../../shared/errors'
import { isDuplicateKey, requestScopedId } from '../../shared/idempotency'
import { requireQuota } from '../../shared/quota'
import { defineAction } from '../../shared/router'
import { docId, input, requestId, text } from '../../shared/validation'
import { displayNameOf } from '../lib/access'
import { instant, serviceType } from '../lib/fields'
import { helpRequestView } from '../lib/help'
import { VOLUNTEER_COLLECTIONS, type HelpRequestDoc } from '../lib/model'

/**
 * 有事找找志愿者: a resident of the community asks for help (homework tutoring in the holidays,
 * a patrol, a medicine delivery). Staff see it and can turn it into a project.
 */
export const requestHelp = defineAction({
  input: input({
    communityId: docId('社区'),
    serviceType: serviceType(),
    description: text('需要什么帮助', { min: 5, max: 300 }),
    place: text('地点', { max: 50 }),
    preferredStart: instant('希望的时间').optional(),
    peopleNeeded: z
      .number({ error: '请填写需要几位志愿者' })
      .int({ error: '人数须为整数' })
      .min(1, { error: '至少 1 位志愿者' })
      .max(20, { error: '最多 20 位志愿者' })
      .optional(),
    requestId: requestId(),
  }),
  async run(request, context): Promise<HelpRequestView> {
    const db = context.cloud.database()
    const caller = await context.caller()
    const requests = db.collection<HelpRequestDoc>(VOLUNTEER_COLLECTIONS.helpRequests)
    const id = requestScopedId('vh', context.openid, request.requestId)
    const repeat = await requests.doc(id).get()
    if (repeat.data) return helpRequestView(caller, repeat.data)

    requirePrivacyAgreed(caller.user)
    if (!caller.homes.some((home) => home.communityId === request.communityId))
      throw new AppError('PERMISSION_DENIED', '绑定本社区的房屋后才能求助')
    const now = context.now()
    if (request.preferredStart && Date.parse(request.preferredStart) <= now.getTime())
      throw new AppError('INVALID_ARGUMENT', '希望的时间已经过去了', [
        { field: 'preferredStart', message: '时间已经过去了' },
      ])
    await requireQuota(
      db,
      'helpRequests',
      { openid: context.openid, communityId: request.communityId },
      now,
    )
    await checkText(context.cloud, context.openid, request.description, 2)
    const doc: HelpRequestDoc = {
      _id: id,
      communityId: request.communityId,
      openid: context.openid,
      requesterName: displayNameOf(caller),
      serviceType: request.serviceType,
      description: request.description,
      place: request.place,
      ...(request.preferredStart ? { preferredStart: new Date(request.preferredStart) } : {}),
      peopleNeeded: request.peopleNeeded ?? 1,
      status: 'open',
      requestId: request.requestId,
      createdAt: now,
    }
    try {
      await requests.add({ data: doc })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      const { data } = await requests.doc(id).get()
      return helpRequestView(caller, data!)
    }
    return helpRequestView(caller, doc)
  },
})

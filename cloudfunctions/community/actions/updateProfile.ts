import { z } from 'zod'
import type { MyProfile } from '../../../typings/community'
import { COLLECTIONS, type UserDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { input, text } from '../../shared/validation'
import { requirePrivacyAgreed } from '../../shared/caller'

const phone = z
  .string({ error: '请填写手机号' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: '请填写 11 位手机号' })

/** My display name, and optionally my real name and phone; null clears a field. Needs consent first. */
export const updateProfile = defineAction({
  input: input({
    displayName: text('称呼', { max: 20 }).optional(),
    realName: text('姓名', { max: 20 }).nullable().optional(),
    phone: phone.nullable().optional(),
  }),
  async run(changes, context): Promise<MyProfile> {
    const db = context.cloud.database()
    // Nothing is written for someone who has not agreed (a refusal changes nothing).
    const { user } = await context.caller()
    requirePrivacyAgreed(user)
    const _ = db.command
    const data: Record<string, unknown> = { updatedAt: context.now() }
    if (changes.displayName !== undefined) data['displayName'] = changes.displayName
    if (changes.realName !== undefined)
      data['realName'] = changes.realName === null ? _['remove']!() : changes.realName
    if (changes.phone !== undefined)
      data['phone'] = changes.phone === null ? _['remove']!() : changes.phone
    await db.collection<UserDoc>(COLLECTIONS.users).doc(context.openid).update({ data })
    const next = { ...user, ...changes }
    return {
      displayName: next.displayName,
      realName: next.realName ?? null,
      phone: next.phone ?? null,
    }
  },
})

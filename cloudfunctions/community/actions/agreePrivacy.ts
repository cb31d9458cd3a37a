import { COLLECTIONS, type UserDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { input, text } from '../../shared/validation'
import { ensureUser } from '../lib/users'

/** Records that the user agreed to the privacy notice (which version, when): the gate for personal data. */
export const agreePrivacy = defineAction({
  input: input({ version: text('隐私指引版本', { max: 20 }) }),
  async run({ version }, context) {
    const db = context.cloud.database()
    await ensureUser(db, context.openid)
    const at = context.now()
    await db
      .collection<UserDoc>(COLLECTIONS.users)
      .doc(context.openid)
      .update({ data: { privacyAgreed: { version, at } } })
    return { agreedAt: at.toISOString() }
  },
})

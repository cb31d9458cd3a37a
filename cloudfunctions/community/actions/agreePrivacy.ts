import { defineAction } from '../../shared/router'
import { input, text } from '../../shared/validation'
import { agreeAndEnsureUser } from '../lib/users'

/** Records that the user agreed to the privacy notice (which version, when): the gate for personal data. */
export const agreePrivacy = defineAction({
  input: input({ version: text('隐私指引版本', { max: 20 }) }),
  async run({ version }, context) {
    const at = context.now()
    await agreeAndEnsureUser(context.cloud.database(), context.openid, { version, at })
    return { agreedAt: at.toISOString() }
  },
})

import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { setStaffRole } from '../lib/staffRoles'

/** Ends someone's staff role in my community; not my own, so a community is never locked out by a slip. */
export const revokeStaff = defineAction({
  input: input({ communityId: docId('社区'), openid: docId('用户') }),
  async run({ communityId, openid }, context) {
    // Who may (staff of the community, not for themselves): communityPolicy.
    return setStaffRole(context.cloud.database(), context.openid, communityId, openid, null)
  },
})

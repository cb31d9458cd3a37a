import { loadCaller, requireStaffOf } from '../../shared/caller'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { getCommunity } from '../../shared/lookups'
import { setStaffRole } from '../lib/staffRoles'

/** Ends someone's staff role in my community; not my own, so a community is never locked out by a slip. */
export const revokeStaff = defineAction({
  input: input({ communityId: docId('社区'), openid: docId('用户') }),
  async run({ communityId, openid }, context) {
    const db = context.cloud.database()
    const [caller] = await Promise.all([
      loadCaller(db, context.openid),
      getCommunity(db, communityId),
    ])
    requireStaffOf(caller, communityId)
    if (openid === context.openid)
      throw new AppError('FAILED_PRECONDITION', '不能撤销自己的工作人员身份，请由其他工作人员操作')
    return setStaffRole(db, context.openid, communityId, openid, null)
  },
})

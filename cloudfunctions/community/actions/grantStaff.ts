import { loadCaller, requireStaffOf } from '../../shared/caller'
import { defineAction } from '../../shared/router'
import { docId, input, oneOf } from '../../shared/validation'
import { getCommunity } from '../../shared/lookups'
import { setStaffRole } from '../lib/staffRoles'

/** Makes someone staff or a grid worker of my community. */
export const grantStaff = defineAction({
  input: input({
    communityId: docId('社区'),
    openid: docId('用户'),
    kind: oneOf('身份', ['staff', 'gridWorker']),
  }),
  async run({ communityId, openid, kind }, context) {
    const db = context.cloud.database()
    const [caller] = await Promise.all([
      loadCaller(db, context.openid),
      getCommunity(db, communityId),
    ])
    requireStaffOf(caller, communityId)
    return setStaffRole(db, context.openid, communityId, openid, kind)
  },
})

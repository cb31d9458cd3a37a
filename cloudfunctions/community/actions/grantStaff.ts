import { defineAction } from '../../shared/router'
import { docId, input, oneOf } from '../../shared/validation'
import { setStaffRole } from '../lib/staffRoles'

/** Makes someone staff or a grid worker of my community. */
export const grantStaff = defineAction({
  input: input({
    communityId: docId('社区'),
    openid: docId('用户'),
    kind: oneOf('身份', ['staff', 'gridWorker']),
  }),
  async run({ communityId, openid, kind }, context) {
    return setStaffRole(context.cloud.database(), context.openid, communityId, openid, kind)
  },
})

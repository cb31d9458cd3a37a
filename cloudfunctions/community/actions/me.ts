import type { MeResult } from '../../../typings/community'
import { COLLECTIONS, type BindingDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { bindingViews, roleViews } from '../lib/views'

/** My profile, roles and bindings: a first-time user gets an empty answer, never an error. */
export const me = defineAction({
  input: input({}),
  async run(_input, context): Promise<MeResult> {
    const db = context.cloud.database()
    const caller = await context.caller()
    const user = caller.user
    const { data: bindings } = await db
      .collection<BindingDoc>(COLLECTIONS.bindings)
      .where({
        openid: context.openid,
        status: db.command['in']!(['pending', 'approved', 'rejected']),
      })
      .orderBy('requestedAt', 'desc')
      .limit(20)
      .get()
    const roles = user?.roles ?? []
    return {
      openid: context.openid,
      profile: user
        ? {
            displayName: user.displayName,
            realName: user.realName ?? null,
            phone: user.phone ?? null,
          }
        : null,
      privacyAgreed: Boolean(user?.privacyAgreed),
      roles: await roleViews(db, roles),
      bindings: await bindingViews(db, bindings),
      can: {
        staffOf: roles.filter((r) => r.role === 'staff').map((r) => r.communityId),
        stationOf: roles.filter((r) => r.role !== 'buildingHead').map((r) => r.communityId),
        headOf: roles.flatMap((r) =>
          r.role === 'buildingHead' && r.buildingId ? [r.buildingId] : [],
        ),
        isAdmin: caller.isAdmin,
      },
    }
  },
})

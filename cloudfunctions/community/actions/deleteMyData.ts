import { z } from 'zod'
import { appendAudit } from '../../shared/audit'
import { COLLECTIONS, type BindingDoc, type BuildingDoc, type UserDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { inShortTransaction } from '../../shared/transaction'
import { input } from '../../shared/validation'
import { leaveAllStaff, staffSeedsOf } from '../lib/staffRoles'

/**
 * Erases my profile (names, phone, roles) and closes my bindings. What I wrote elsewhere stays,
 * shown as 已注销用户: the community's records must not lose their history. Agreeing to the
 * privacy notice again starts afresh. The last staff member of a community is asked to appoint
 * a successor first, so that no community is left without staff.
 */
export const deleteMyData = defineAction({
  input: input({ confirm: z.literal(true, { error: '请确认删除' }) }),
  async run(_input, context) {
    const db = context.cloud.database()
    const _ = db.command
    const { user } = await context.caller()
    if (user) {
      const seeds = await staffSeedsOf(db, user)
      // Roles, the heads of buildings and the profile go together, or not at all.
      await inShortTransaction(db, async (tx) => {
        await leaveAllStaff(db, tx, user, seeds)
        for (const role of user.roles) {
          if (role.role !== 'buildingHead' || !role.buildingId) continue
          await tx
            .collection<BuildingDoc>(COLLECTIONS.buildings)
            .doc(role.buildingId)
            .update({ data: { headOpenids: _['pull']!(context.openid) } })
        }
        await tx
          .collection<UserDoc>(COLLECTIONS.users)
          .doc(context.openid)
          .update({
            data: {
              displayName: '已注销用户',
              realName: _['remove']!(),
              phone: _['remove']!(),
              privacyAgreed: _['remove']!(),
              roles: _['set']!([]),
              deleted: true,
              updatedAt: context.now(),
            },
          })
      })
    }
    // Closed after the profile; a repeated call closes any left open by an interrupted one.
    const { data: open } = await db
      .collection<BindingDoc>(COLLECTIONS.bindings)
      .where({ openid: context.openid, activeSlot: 'active' })
      .limit(100)
      .get()
    await Promise.all(
      open.map((binding) =>
        db
          .collection<BindingDoc>(COLLECTIONS.bindings)
          .doc(binding._id)
          .update({ data: { status: 'left', activeSlot: binding._id, leftAt: context.now() } }),
      ),
    )
    await appendAudit(db, {
      actor: context.openid,
      action: 'community.deleteMyData',
      target: { collection: COLLECTIONS.users, id: context.openid },
      reason: '用户删除个人资料',
    })
    return { deleted: true as const }
  },
})

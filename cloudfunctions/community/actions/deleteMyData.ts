import { z } from 'zod'
import { appendAudit } from '../../shared/audit'
import { COLLECTIONS, type BindingDoc, type BuildingDoc, type UserDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'

/**
 * Erases my profile (names, phone, roles) and closes my bindings. What I wrote elsewhere stays,
 * shown as 已注销用户: the community's records must not lose their history.
 */
export const deleteMyData = defineAction({
  input: input({ confirm: z.literal(true, { error: '请确认删除' }) }),
  async run(_input, context) {
    const db = context.cloud.database()
    const _ = db.command
    const { data: user } = await db.collection<UserDoc>(COLLECTIONS.users).doc(context.openid).get()
    if (user && !user.deleted) {
      // A head who leaves stops being shown and notified as the building's head.
      for (const role of user.roles) {
        if (role.role !== 'buildingHead' || !role.buildingId) continue
        await db
          .collection<BuildingDoc>(COLLECTIONS.buildings)
          .doc(role.buildingId)
          .update({ data: { headOpenids: _['pull']!(context.openid) } })
      }
      await db
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
    }
    const { data: open } = await db
      .collection<BindingDoc>(COLLECTIONS.bindings)
      .where({ openid: context.openid, activeSlot: 'active' })
      .limit(100)
      .get()
    for (const binding of open) {
      await db
        .collection<BindingDoc>(COLLECTIONS.bindings)
        .doc(binding._id)
        .update({ data: { status: 'left', activeSlot: binding._id, leftAt: context.now() } })
    }
    await appendAudit(db, {
      actor: context.openid,
      action: 'community.deleteMyData',
      target: { collection: COLLECTIONS.users, id: context.openid },
      reason: '用户删除个人资料',
    })
    return { deleted: true as const }
  },
})

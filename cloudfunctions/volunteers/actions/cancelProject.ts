import { appendAudit } from '../../shared/audit'
import { loadCaller, requireStaffOf } from '../../shared/caller'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input, text } from '../../shared/validation'
import { getProject } from '../lib/access'
import { projectId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type SignupDoc } from '../lib/model'
import { notify } from '../lib/notify'

/**
 * Staff cancel a project that has not ended, with a reason; everyone on its list is told. The
 * signups stay as they were (the project's status says it all), so nothing needs undoing.
 */
export const cancelProject = defineAction({
  input: input({ projectId: projectId(), reason: text('取消原因', { max: 50 }) }),
  async run({ projectId: id, reason }, context) {
    const db = context.cloud.database()
    const [caller, project] = await Promise.all([
      loadCaller(db, context.openid),
      getProject(db, id),
    ])
    requireStaffOf(caller, project.communityId)
    const now = context.now()
    if (now.getTime() >= new Date(project.endAt).getTime())
      throw new AppError('FAILED_PRECONDITION', '项目已经结束，不能取消')
    const { stats } = await db
      .collection<ProjectDoc>(VOLUNTEER_COLLECTIONS.projects)
      .where({ _id: id, status: 'open' })
      .update({
        data: {
          status: 'cancelled',
          cancelReason: reason,
          cancelledAt: now,
          cancelledBy: context.openid,
        },
      })
    if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', '这个项目已经取消了')
    await appendAudit(db, {
      actor: context.openid,
      action: 'volunteers.cancelProject',
      target: { collection: VOLUNTEER_COLLECTIONS.projects, id },
      communityId: project.communityId,
      before: { status: 'open' },
      after: { status: 'cancelled' },
      reason,
    })
    let notified = 0
    let after = -1
    for (;;) {
      const { data } = await db
        .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
        .where({
          projectId: id,
          status: db.command['in']!(['confirmed', 'waitlisted']),
          order: db.command['gt']!(after),
        })
        .orderBy('order', 'asc')
        .limit(100)
        .get()
      for (const signup of data) {
        const sent = await notify(context.cloud, signup.openid, 'volunteerCancelled', {
          projectId: id,
          title: project.title,
          startAt: project.startAt,
          note: `项目已取消：${reason}`,
        })
        if (sent) notified++
      }
      if (data.length < 100) break
      after = data[data.length - 1]!.order
    }
    return { projectId: id, status: 'cancelled' as const, notified }
  },
})

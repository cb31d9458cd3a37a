import { appendAudit } from '../../shared/audit'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input, text } from '../../shared/validation'
import { getProject } from '../lib/access'
import { projectId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc } from '../lib/model'
import { notifyVolunteers } from '../lib/notify'

/**
 * Staff cancel a project that has not ended, with a reason; everyone on its list is told. The
 * signups stay as they were (the project's status says it all), so nothing needs undoing.
 */
export const cancelProject = defineAction({
  input: input({ projectId: projectId(), reason: text('取消原因', { max: 50 }) }),
  async run({ projectId: id, reason }, context) {
    const db = context.cloud.database()
    const project = await getProject(db, id)
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
    const notified = await notifyVolunteers(
      context.cloud,
      project,
      ['confirmed', 'waitlisted'],
      'volunteerCancelled',
      `项目已取消：${reason}`,
    )
    return { projectId: id, status: 'cancelled' as const, notified }
  },
})

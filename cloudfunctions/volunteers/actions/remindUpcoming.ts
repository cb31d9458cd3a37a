import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type SignupDoc } from '../lib/model'
import { notify } from '../lib/notify'

/** Projects starting within this window get their reminder. */
export const REMIND_BEFORE_MS = 2 * 3600_000

/**
 * The timer (config.json, every 15 minutes): volunteers with a place in a project that starts
 * within two hours get a reminder, once per project (the project is claimed before sending).
 */
export const remindUpcoming = defineAction({
  caller: 'timer',
  input: input({}),
  async run(_input, context) {
    const db = context.cloud.database()
    const _ = db.command
    const now = context.now()
    const projects = db.collection<ProjectDoc>(VOLUNTEER_COLLECTIONS.projects)
    const { data: due } = await projects
      .where({
        status: 'open',
        reminderSent: false,
        startAt: (_['gt']!(now) as { and(other: unknown): unknown }).and(
          _['lte']!(new Date(now.getTime() + REMIND_BEFORE_MS)),
        ),
      })
      .orderBy('startAt', 'asc')
      .limit(50)
      .get()
    let claimed = 0
    let reminded = 0
    for (const project of due) {
      const { stats } = await projects
        .where({ _id: project._id, reminderSent: false })
        .update({ data: { reminderSent: true } })
      if (stats.updated !== 1) continue
      claimed++
      let after = -1
      for (;;) {
        const { data } = await db
          .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
          .where({ projectId: project._id, status: 'confirmed', order: _['gt']!(after) })
          .orderBy('order', 'asc')
          .limit(100)
          .get()
        for (const signup of data) {
          const sent = await notify(context.cloud, signup.openid, 'volunteerReminder', {
            projectId: project._id,
            title: project.title,
            startAt: project.startAt,
            note: project.place,
          })
          if (sent) reminded++
        }
        if (data.length < 100) break
        after = data[data.length - 1]!.order
      }
    }
    return { projects: claimed, reminded }
  },
})

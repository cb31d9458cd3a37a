import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc } from '../lib/model'
import { notifyVolunteers } from '../lib/notify'

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
      reminded += await notifyVolunteers(
        context.cloud,
        project,
        ['confirmed'],
        'volunteerReminder',
        project.place,
      )
    }
    return { projects: claimed, reminded }
  },
})

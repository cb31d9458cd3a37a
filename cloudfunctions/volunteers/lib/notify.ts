/**
 * Subscribe messages to volunteers, through the shared sender (cloudfunctions/shared/notify.ts):
 * sent only when the template is configured and the volunteer allowed it; never fails the action
 * that caused it. Every message has the same three lines: the project, its start, a note.
 */
import type { SubscribeTemplate } from '../../../typings/subscribe'
import type { Cloud } from '../../shared/cloud'
import { sendSubscribeMessage } from '../../shared/notify'
import { formatShanghai } from '../../shared/time'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type SignupDoc } from './model'
import { projectPage } from './qr'

export type VolunteerMessage = Extract<
  SubscribeTemplate,
  'volunteerPromoted' | 'volunteerReminder' | 'volunteerCancelled'
>

export interface ProjectMessage {
  projectId: string
  title: string
  startAt: Date
  /** The third line: the place, or what happened. */
  note: string
}

/** Sends one message; answers whether WeChat took it. */
export async function notify(
  cloud: Cloud,
  touser: string,
  template: VolunteerMessage,
  message: ProjectMessage,
): Promise<boolean> {
  const outcome = await sendSubscribeMessage(cloud, {
    touser,
    template,
    page: projectPage(message.projectId),
    data: {
      thing1: message.title,
      time2: formatShanghai(message.startAt, 'YYYY-MM-DD HH:mm'),
      thing3: message.note,
    },
  })
  return outcome === 'sent'
}

/**
 * Sends one message to everyone on the project's list with one of these statuses, reading the
 * list in order 100 at a time; answers how many WeChat took.
 */
export async function notifyVolunteers(
  cloud: Cloud,
  project: Pick<ProjectDoc, '_id' | 'title' | 'startAt'>,
  statuses: Array<SignupDoc['status']>,
  template: VolunteerMessage,
  note: string,
): Promise<number> {
  const db = cloud.database()
  const _ = db.command
  const message = { projectId: project._id, title: project.title, startAt: project.startAt, note }
  let sent = 0
  let after = -1
  for (;;) {
    const { data } = await db
      .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
      .where({ projectId: project._id, status: _['in']!(statuses), order: _['gt']!(after) })
      .orderBy('order', 'asc')
      .limit(100)
      .get()
    for (const signup of data) {
      if (await notify(cloud, signup.openid, template, message)) sent++
    }
    if (data.length < 100) return sent
    after = data[data.length - 1]!.order
  }
}

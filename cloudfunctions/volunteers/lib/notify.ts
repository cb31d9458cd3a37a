/**
 * Subscribe messages to volunteers, through the shared sender (cloudfunctions/shared/notify.ts):
 * sent only when the template is configured and the volunteer allowed it; never fails the action
 * that caused it. Every message has the same three lines: the project, its start, a note.
 */
import type { SubscribeTemplate } from '../../../typings/subscribe'
import type { Cloud } from '../../shared/cloud'
import { sendSubscribeMessage } from '../../shared/notify'
import { formatShanghai } from '../../shared/time'

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

export const projectPage = (projectId: string) =>
  `subpackages/volunteers/project/index?id=${projectId}`

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

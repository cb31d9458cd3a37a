/**
 * Subscribe messages to volunteers. A message is sent only when its template is configured
 * (JINLIN_TEMPLATE_<KEY>, docs/deploy.md) and only once per grant the volunteer gave; a refusal
 * by WeChat (no grant left, 43101) is logged and never fails the action that caused it.
 */
import type { Cloud } from '../../shared/cloud'
import { templateId } from '../../shared/config'
import { formatShanghai } from '../../shared/time'

export type VolunteerMessage = 'VOLUNTEER_PROMOTED' | 'VOLUNTEER_REMINDER' | 'VOLUNTEER_CANCELLED'

export const SUBSCRIBE_KEYS: VolunteerMessage[] = ['VOLUNTEER_PROMOTED', 'VOLUNTEER_REMINDER']

/** `thing` values: at most 20 characters. */
export function thing(text: string): string {
  const chars = [...text]
  return chars.length <= 20 ? text : `${chars.slice(0, 19).join('')}…`
}

export function subscribeTemplateIds(keys: VolunteerMessage[] = SUBSCRIBE_KEYS): string[] {
  return keys.map((key) => templateId(key)).filter((id): id is string => Boolean(id))
}

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
  key: VolunteerMessage,
  message: ProjectMessage,
): Promise<boolean> {
  const template = templateId(key)
  if (!template) return false
  const openapi = cloud.sdk.openapi as unknown as {
    subscribeMessage: { send(params: Record<string, unknown>): Promise<unknown> }
  }
  try {
    await openapi.subscribeMessage.send({
      touser,
      templateId: template,
      page: projectPage(message.projectId),
      data: {
        thing1: { value: thing(message.title) },
        time2: { value: formatShanghai(message.startAt, 'YYYY-MM-DD HH:mm') },
        thing3: { value: thing(message.note) },
      },
    })
    return true
  } catch (error) {
    console.warn(`[volunteers] subscribe message ${key} to ${touser} not sent`, error)
    return false
  }
}

/**
 * Subscribe messages (docs/architecture.md「平台事实：订阅消息」): each grant in the app allows one send.
 * A message is a courtesy, never part of the transaction: a missing template, a user who did not
 * grant, or a WeChat error is logged and the action goes on.
 */
import type { SubscribeTemplate } from '../../typings/subscribe'
import type { Cloud } from './cloud'
import { templateEnvName } from './subscribeTemplates'

export interface SubscribeMessage {
  touser: string
  template: SubscribeTemplate
  /** The page the message opens, with its query. */
  page: string
  /** Template keywords (`thing1`, `time2`, …) and their values. */
  data: Record<string, string | number>
}

export type SendOutcome = 'sent' | 'no-template' | 'not-granted' | 'failed'

/** WeChat's limits per keyword type; longer values are refused, so we shorten them first. */
const MAX_LENGTH: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
}

/** errcode 43101: the user did not grant (or used up) this template. */
const NOT_GRANTED = 43101

export async function sendSubscribeMessage(
  cloud: Cloud,
  message: SubscribeMessage,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SendOutcome> {
  const templateId = env[templateEnvName(message.template)]
  if (!templateId) return 'no-template'
  const data: Record<string, { value: string | number }> = {}
  for (const [keyword, value] of Object.entries(message.data)) {
    data[keyword] = { value: typeof value === 'string' ? fit(keyword, value) : value }
  }
  const openapi = cloud.sdk.openapi as unknown as {
    subscribeMessage: { send(params: Record<string, unknown>): Promise<unknown> }
  }
  try {
    await openapi.subscribeMessage.send({
      touser: message.touser,
      templateId,
      page: message.page,
      data,
      miniprogramState: env['JINLIN_MINIPROGRAM_STATE'] || 'formal',
    })
    return 'sent'
  } catch (error) {
    const code = (error as { errCode?: number }).errCode
    if (code === NOT_GRANTED) return 'not-granted'
    console.warn(`[notify] ${message.template} to ${message.touser} failed`, error)
    return 'failed'
  }
}

function fit(keyword: string, value: string): string {
  const limit = MAX_LENGTH[keyword.replace(/\d+$/, '')]
  const chars = Array.from(value)
  if (limit === undefined || chars.length <= limit) return value
  return chars.slice(0, limit - 1).join('') + '…'
}

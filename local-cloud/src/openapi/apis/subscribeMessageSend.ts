/**
 * subscribeMessage.send: validated like WeChat does, then kept in the outbox instead of
 * delivered. WeChat checks each keyword's value by the keyword's type (the name without its
 * number: `thing1` is a thing); the length limits below are WeChat's published ones, the
 * character-class rules (e.g. a `number` holds only digits) are not emulated.
 */
import { jsonAnswer, wechatError } from '../openApiAnswer'
import { type OpenApiHandler } from '../openApiHandler'
import { type Outbox, type SubscribeMessageData } from '../outbox'

const MAX_CHARACTERS: Record<string, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  phrase: 5,
  // 10 Chinese characters, or 20 letters (checked below).
  name: 10,
}

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal']
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW']

const argumentInvalid = (detail: string) => wechatError(47003, `argument invalid! ${detail}`)

/** Why the value of `keyword` is refused, or null. */
function valueProblem(keyword: string, entry: unknown): string | null {
  const value = (entry as { value?: unknown } | null)?.value
  if (typeof value !== 'string' && typeof value !== 'number') {
    return `data.${keyword}.value is empty`
  }
  const text = String(value)
  if (text === '') return `data.${keyword}.value is empty`
  const type = keyword.replace(/\d+$/, '')
  const length = Array.from(text).length
  // eslint-disable-next-line no-control-regex
  const limit = type === 'name' && /^[\x00-\x7f]*$/.test(text) ? 20 : MAX_CHARACTERS[type]
  if (limit !== undefined && length > limit) {
    return `data.${keyword}.value exceeds limit: ${length} characters, at most ${limit} for ${type}`
  }
  return null
}

export function subscribeMessageSend(outbox: Outbox): OpenApiHandler {
  return (params) => {
    const { touser, template_id: templateId, page, data, miniprogram_state, lang } = params
    if (typeof touser !== 'string' || touser === '') return wechatError(40003, 'invalid openid')
    if (typeof templateId !== 'string' || templateId === '') {
      return wechatError(40037, 'invalid template_id')
    }
    if (
      typeof data !== 'object' ||
      data === null ||
      Array.isArray(data) ||
      Object.keys(data).length === 0
    ) {
      return argumentInvalid('data is empty')
    }
    for (const [keyword, entry] of Object.entries(data)) {
      const problem = valueProblem(keyword, entry)
      if (problem !== null) return argumentInvalid(problem)
    }
    if (page !== undefined && typeof page !== 'string') {
      return argumentInvalid('page must be a string')
    }
    const miniprogramState = miniprogram_state ?? 'formal'
    if (typeof miniprogramState !== 'string' || !MINIPROGRAM_STATES.includes(miniprogramState)) {
      return argumentInvalid(`miniprogram_state must be one of ${MINIPROGRAM_STATES.join(', ')}`)
    }
    const language = lang ?? 'zh_CN'
    if (typeof language !== 'string' || !LANGS.includes(language)) {
      return argumentInvalid(`lang must be one of ${LANGS.join(', ')}`)
    }

    outbox.add({
      touser,
      templateId,
      ...(page !== undefined && { page }),
      data: data as SubscribeMessageData,
      miniprogramState,
      lang: language,
      sentAt: new Date().toISOString(),
    })
    return jsonAnswer({})
  }
}

/**
 * The only code that calls cloud functions. It sends `{ action, ...input }`, unwraps the envelope
 * and throws a CloudCallError whose message can be shown to the user as it is.
 */
import type {
  ActionInput,
  ActionName,
  ActionOutput,
  Envelope,
  ErrorCode,
  FunctionName,
} from '../../typings'
import { LOCAL_CLOUD } from '../config'
import { devOpenid } from '../utils/devUser'

/** What went wrong, in words for a person; `code` is the server's, or UNAVAILABLE when nothing answered. */
export class CloudCallError extends Error {
  readonly code: ErrorCode | 'UNAVAILABLE'
  readonly details: Array<{ field: string; message: string }>

  constructor(
    code: ErrorCode | 'UNAVAILABLE',
    message: string,
    details: Array<{ field: string; message: string }> = [],
  ) {
    super(message)
    this.name = 'CloudCallError'
    this.code = code
    this.details = details
  }
}

const UNAVAILABLE_MESSAGE = '网络不给力，请检查网络后再试'

export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<ActionOutput<F, A>> {
  const data = Object.assign({}, input as object, { action })
  let envelope: Envelope<ActionOutput<F, A>> | undefined
  try {
    const result = LOCAL_CLOUD
      ? await callLocalCloud(LOCAL_CLOUD.url, name, data)
      : await callWxCloud(name, data)
    envelope = result as Envelope<ActionOutput<F, A>> | undefined
  } catch (error) {
    if (error instanceof CloudCallError) throw error
    console.warn(`callFunction ${name}.${action} failed`, error)
    throw new CloudCallError('UNAVAILABLE', UNAVAILABLE_MESSAGE)
  }
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new CloudCallError('INTERNAL', '服务暂时不可用，请稍后再试')
  }
  if (!envelope.ok) {
    throw new CloudCallError(envelope.error.code, envelope.error.message, envelope.error.details)
  }
  return envelope.data
}

async function callWxCloud(name: string, data: object): Promise<unknown> {
  if (!wx.cloud) throw new CloudCallError('UNAVAILABLE', '请升级微信到最新版本后再使用')
  const response = await wx.cloud.callFunction({ name, data })
  return response.result
}

/** A development build talks to the local cloud over HTTP, as the chosen demo user. */
function callLocalCloud(url: string, name: string, data: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${url}/callFunction`,
      method: 'POST',
      header: { 'content-type': 'application/json', 'X-WX-OPENID': devOpenid() },
      data: { name, data },
      success: (response) => {
        if (response.statusCode !== 200)
          reject(new Error(`local cloud answered ${response.statusCode}`))
        else resolve((response.data as { result?: unknown }).result)
      },
      fail: (error) => reject(new Error(error.errMsg)),
    })
  })
}

/**
 * The local cloud's `wx.openApi`: what `cloud.openapi.<api>(params)` reaches. Parses the
 * multipart request, decodes the protobuf CommApiData, runs the emulated API and answers a
 * protobuf CommOpenApiResp (local-cloud/PROTOCOL.md「Openapi」).
 */
import { TcbError } from '../protocol/tcbError'
import { type RawResponse, type RequestContext } from '../protocol/types'
import { securityMsgSecCheck } from './apis/securityMsgSecCheck'
import { subscribeMessageSend } from './apis/subscribeMessageSend'
import { wxacodeGetUnlimited } from './apis/wxacodeGetUnlimited'
import { createBlockedWords, DEFAULT_BLOCKED_WORDS } from './blockedWords'
import { multipartBoundary, parseMultipart } from './multipart'
import { toRawResponse, wechatError } from './openApiAnswer'
import { type OpenApiHandler } from './openApiHandler'
import { decodeOpenApiParams } from './openApiParams'
import { createOutbox, type OutboxMessage } from './outbox'
import { API_TYPE, decodeCommApiData } from './protobufMessages'

export { DEFAULT_BLOCKED_WORDS } from './blockedWords'
export type { OutboxMessage, SubscribeMessageData } from './outbox'

export interface OpenApiOptions {
  /** Words security.msgSecCheck flags; DEFAULT_BLOCKED_WORDS when absent. */
  blockedWords?: string[]
}

export interface OpenApi {
  /** A multipart `wx.openApi` request. Throws a TcbError when the request itself is malformed. */
  handle(body: Buffer, contentType: string, context: RequestContext): RawResponse
  /** Subscribe messages sent so far, oldest first. */
  outbox(): OutboxMessage[]
  clearOutbox(): void
  setBlockedWords(words: string[]): void
  /** The emulated APIs, e.g. `subscribeMessage.send`. */
  apiNames(): string[]
}

function field(parts: ReturnType<typeof parseMultipart>, name: string): Buffer | undefined {
  return parts.find((part) => part.name === name)?.data
}

export function createOpenApi(options: OpenApiOptions = {}): OpenApi {
  const outbox = createOutbox()
  const blockedWords = createBlockedWords(options.blockedWords ?? DEFAULT_BLOCKED_WORDS)
  const apis: Record<string, OpenApiHandler> = {
    'subscribeMessage.send': subscribeMessageSend(outbox),
    'security.msgSecCheck': securityMsgSecCheck(blockedWords),
    'wxacode.getUnlimited': wxacodeGetUnlimited,
  }

  // A WeChat errcode (48001, api unauthorized) rather than a CommOpenApiResp.errorCode: the SDK
  // turns it into `openapi.<api>:fail <errmsg>` with our message, where errorCode would only give
  // "system error: error code: <n>".
  const notEmulated = (apiName: string) =>
    wechatError(
      48001,
      `api unauthorized: the local cloud does not emulate openapi.${apiName} (it emulates ${Object.keys(apis).join(', ')})`,
    )

  return {
    handle(body, contentType, context) {
      const boundary = multipartBoundary(contentType)
      if (boundary === null) {
        throw new TcbError('INVALID_PARAM', 'wx.openApi expects a multipart/form-data body')
      }
      let parts
      try {
        parts = parseMultipart(body, boundary)
      } catch (error) {
        throw new TcbError('INVALID_PARAM', `malformed multipart body: ${(error as Error).message}`)
      }
      const action = field(parts, 'action')?.toString('utf8')
      if (action !== 'wx.openApi') {
        throw new TcbError(
          'INVALID_PARAM',
          `the local cloud does not emulate the multipart action ${action ?? '(none)'}`,
        )
      }
      const apiName = field(parts, 'apiName')?.toString('utf8') ?? ''
      const requestData = field(parts, 'requestData')
      if (requestData === undefined) {
        throw new TcbError('INVALID_PARAM', 'wx.openApi without requestData')
      }

      let request
      try {
        request = decodeCommApiData(requestData)
      } catch (error) {
        throw new TcbError(
          'INVALID_PARAM',
          `requestData is not a CommApiData: ${(error as Error).message}`,
        )
      }
      if (request.apiType !== API_TYPE.OPEN_API) {
        // getOpenData, getVoIPSign, cross-account calls: not used by the app.
        throw new TcbError(
          'INVALID_PARAM',
          `the local cloud only emulates cloud.openapi (apiType ${request.apiType} requested)`,
        )
      }

      // Own properties only: an apiName of `constructor` must not find Object's.
      const api = Object.hasOwn(apis, apiName) ? apis[apiName] : undefined
      const params = decodeOpenApiParams(request.pairs)
      return toRawResponse(api ? api(params, context) : notEmulated(apiName))
    },
    outbox: () => outbox.messages(),
    clearOutbox: () => outbox.clear(),
    setBlockedWords: (words) => blockedWords.set(words),
    apiNames: () => Object.keys(apis),
  }
}

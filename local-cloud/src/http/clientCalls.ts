/**
 * `POST /callFunction`: how a mini-program page (DevTools, the browser runner, scripts) reaches
 * the functions locally. Same shape as `wx.cloud.callFunction`: `{ name, data }` in,
 * `{ result, requestID }` out. The caller is the dev-only header X-WX-OPENID (and X-WX-UNIONID),
 * which is why the local cloud listens on loopback only; the function sees the request's address
 * as the client's (getWXContext().CLIENTIP), as a call from a phone carries the phone's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { EVENT_SIZE_LIMIT } from '../functions/eventLimits'
import type { FunctionRuntime } from '../functions/runtime'
import { TcbError } from '../protocol/tcbError'
import { PayloadTooLarge, readBody } from './body'
import { clientAddress } from './clientAddress'
import { devCaller, devUnionid, MALFORMED_UNIONID, MISSING_CALLER } from './devCaller'
import { sendJson } from './respond'

/** The event's limit in the cloud; the few bytes of `name` around it do not matter. */
export const CALL_PAYLOAD_LIMIT = EVENT_SIZE_LIMIT

export async function handleClientCall(
  request: IncomingMessage,
  response: ServerResponse,
  runtime: FunctionRuntime,
  appid: string,
): Promise<void> {
  const fail = (status: number, message: string): void =>
    sendJson(response, status, { errCode: -1, errMsg: `cloud.callFunction:fail ${message}` })
  const openid = devCaller(request)
  if (openid === null) return fail(400, MISSING_CALLER)
  const union = devUnionid(request)
  if (union === null) return fail(400, MALFORMED_UNIONID)
  let body: Buffer
  try {
    body = await readBody(request, CALL_PAYLOAD_LIMIT)
  } catch (error) {
    if (error instanceof PayloadTooLarge) return fail(413, 'request payload larger than 6 MB')
    throw error
  }
  let call: unknown
  try {
    call = JSON.parse(body.toString('utf8'))
  } catch {
    return fail(400, 'request body is not valid JSON')
  }
  if (
    typeof call !== 'object' ||
    call === null ||
    typeof (call as { name?: unknown }).name !== 'string'
  ) {
    return fail(400, 'expected {"name": "<function>", "data": {...}}')
  }
  const { name, data } = call as { name: string; data?: unknown }
  if (!runtime.exists(name)) return fail(404, `function not found: ${name}`)
  try {
    const { result, requestId } = await runtime.invoke(name, data ?? {}, {
      OPENID: openid,
      APPID: appid,
      ...(union.unionid !== undefined && { UNIONID: union.unionid }),
      ...clientAddress(request.socket.remoteAddress),
      SOURCE: 'wx_client',
    })
    sendJson(response, 200, { result, requestID: requestId, errMsg: 'cloud.callFunction:ok' })
  } catch (error) {
    if (!(error instanceof TcbError)) return fail(500, String(error))
    // INVALID_PARAM: the event was refused before any function ran, the caller's mistake.
    fail(error.code === 'INVALID_PARAM' ? 400 : 500, `${error.code} ${error.message}`)
  }
}

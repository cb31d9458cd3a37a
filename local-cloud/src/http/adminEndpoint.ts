/**
 * The admin endpoint wx-server-sdk posts every action to (`TCB_CONTEXT_CNFG.URL`): JSON actions
 * routed by `action`, and the multipart `wx.openApi`. Answers are HTTP 200 with `{ requestId,
 * data }`, or `{ code, message, requestId }` for a failure, as CloudBase answers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import { TcbError } from '../protocol/tcbError'
import type { ActionHandler, RawResponse, RequestContext } from '../protocol/types'
import { PayloadTooLarge, readBody } from './body'
import { sendJson, sendRaw } from './respond'

/** Generous: documents are at most 16 MB, and uploads do not come this way. */
export const ADMIN_PAYLOAD_LIMIT = 20 * 1024 * 1024

export interface AdminEndpoint {
  actions: Record<string, ActionHandler>
  openApi(
    body: Buffer,
    contentType: string,
    context: RequestContext,
  ): RawResponse | Promise<RawResponse>
  baseUrl(): string
}

export async function handleAdmin(
  request: IncomingMessage,
  response: ServerResponse,
  /** The request's path and query: `/admin?…`. */
  target: string,
  endpoint: AdminEndpoint,
): Promise<void> {
  const requestId = randomUUID()
  let body: Buffer
  try {
    body = await readBody(request, ADMIN_PAYLOAD_LIMIT)
  } catch (error) {
    if (error instanceof PayloadTooLarge)
      return fail(response, requestId, 'INVALID_PARAM', 'request payload is too large')
    throw error
  }
  const context: RequestContext = {
    envName: envOf(target),
    requestId,
    baseUrl: endpoint.baseUrl(),
  }
  const contentType = request.headers['content-type'] ?? ''
  try {
    if (contentType.startsWith('multipart/form-data'))
      return sendRaw(response, await endpoint.openApi(body, contentType, context))
    let parsed: unknown
    try {
      parsed = JSON.parse(body.toString('utf8'))
    } catch {
      return fail(response, requestId, 'INVALID_PARAM', 'request body is not valid JSON')
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return fail(response, requestId, 'INVALID_PARAM', 'request body must be a JSON object')
    const fields = parsed as Record<string, unknown>
    const action = fields['action']
    const handler =
      typeof action === 'string' && Object.hasOwn(endpoint.actions, action)
        ? endpoint.actions[action]
        : undefined
    if (!handler) {
      const named = String(action).slice(0, 80)
      return fail(response, requestId, 'INVALID_ACTION', `action not supported: ${named}`)
    }
    if (typeof fields['envName'] === 'string') context.envName = fields['envName']
    const data = await handler(fields, context)
    // startTransaction's id is read from the top level of the answer.
    if (action === 'database.startTransaction')
      sendJson(response, 200, { requestId, data, ...(data as { transactionId: string }) })
    else sendJson(response, 200, { requestId, data })
  } catch (error) {
    if (error instanceof TcbError) return fail(response, requestId, error.code, error.message)
    console.error('[local-cloud] admin action failed', error)
    fail(response, requestId, 'SYS_ERR', (error as Error).message ?? 'internal error')
  }
}

function fail(response: ServerResponse, requestId: string, code: string, message: string): void {
  sendJson(response, 200, { code, message, requestId })
}

function envOf(target: string): string {
  const query = target.indexOf('?')
  if (query < 0) return 'default'
  return new URLSearchParams(target.slice(query + 1)).get('env') ?? 'default'
}

/**
 * `POST /uploadFile?cloudPath=<path>`: how a development build of the mini-program uploads a
 * photo locally, in place of `wx.cloud.uploadFile`. The body is the file's bytes; the answer has
 * `wx.cloud.uploadFile`'s shape, `{ fileID, statusCode, errMsg }`. Like /callFunction it needs the
 * dev-only X-WX-OPENID header, and the local cloud listens on loopback only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { PayloadTooLarge, readBody } from './body'
import { devCaller, MISSING_CALLER } from './devCaller'
import { sendJson } from './respond'

export type ClientUpload = (
  cloudPath: string,
  bytes: Buffer,
) => { fileID: string } | { problem: string }

export async function handleClientUpload(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  limit: number,
  upload: ClientUpload,
): Promise<void> {
  const fail = (status: number, message: string): void =>
    sendJson(response, status, { errCode: -1, errMsg: `cloud.uploadFile:fail ${message}` })
  const openid = devCaller(request)
  if (openid === null) return fail(400, MISSING_CALLER)
  let body: Buffer
  try {
    body = await readBody(request, limit)
  } catch (error) {
    if (error instanceof PayloadTooLarge) return fail(413, `file larger than ${limit} bytes`)
    throw error
  }
  const stored = upload(url.searchParams.get('cloudPath') ?? '', body)
  if ('problem' in stored) return fail(400, stored.problem)
  sendJson(response, 200, { fileID: stored.fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' })
}

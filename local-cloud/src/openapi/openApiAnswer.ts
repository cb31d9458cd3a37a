/**
 * What an emulated WeChat API answers, and how it travels back: inside a protobuf
 * CommOpenApiResp. wx-server-sdk parses `respData` as JSON when `contentType` says JSON (then a
 * non-zero `errcode` becomes `CloudSDKError{errCode: errcode, errMsg: "openapi.<api>:fail <errmsg>"}`),
 * and otherwise hands it to the app as `{contentType, buffer}`
 * (local-cloud/PROTOCOL.md「Openapi: The answer」).
 */
import { type RawResponse } from '../protocol/types'
import { encodeCommOpenApiResp } from './protobufMessages'

export interface OpenApiAnswer {
  contentType: string
  body: Buffer
}

/** What the real WeChat servers label their JSON with. */
const WECHAT_JSON = 'application/json; encoding=utf-8'

export function jsonAnswer(payload: Record<string, unknown>): OpenApiAnswer {
  return {
    contentType: WECHAT_JSON,
    body: Buffer.from(JSON.stringify({ errcode: 0, errmsg: 'ok', ...payload })),
  }
}

/** A WeChat API error, e.g. `wechatError(47003, 'argument invalid! …')`. */
export function wechatError(errcode: number, errmsg: string): OpenApiAnswer {
  return { contentType: WECHAT_JSON, body: Buffer.from(JSON.stringify({ errcode, errmsg })) }
}

export function binaryAnswer(contentType: string, body: Buffer): OpenApiAnswer {
  return { contentType, body }
}

/** The HTTP response carrying `answer`. Its content-type must not be exactly `application/json; charset=utf-8`, which node-sdk would read as a TCB error. */
export function toRawResponse(answer: OpenApiAnswer): RawResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/octet-stream' },
    body: encodeCommOpenApiResp({
      respData: answer.body,
      contentType: answer.contentType,
      errorCode: 0,
      httpCode: 200,
    }),
  }
}

/**
 * The caller of a client endpoint (`/callFunction`, `/uploadFile`): the dev-only X-WX-OPENID
 * header, which stands in for the WeChat login the cloud would check, and optionally X-WX-UNIONID
 * for a user whose unionid the cloud would know (the header the cloud hosting container receives
 * has that name). That is why the local cloud listens on loopback only.
 */
import type { IncomingMessage } from 'node:http'

const WECHAT_ID = /^[A-Za-z0-9_-]{1,64}$/

export const MISSING_CALLER =
  'missing or malformed X-WX-OPENID header (the dev-only choice of caller)'

export const MALFORMED_UNIONID = 'malformed X-WX-UNIONID header (letters, digits, _ and -)'

/** The openid the request names, or null when the header is missing or malformed. */
export function devCaller(request: IncomingMessage): string | null {
  const openid = request.headers['x-wx-openid']
  return typeof openid === 'string' && WECHAT_ID.test(openid) ? openid : null
}

/** The unionid the request names: none, one, or null when the header is malformed. */
export function devUnionid(request: IncomingMessage): { unionid?: string } | null {
  const unionid = request.headers['x-wx-unionid']
  if (unionid === undefined) return {}
  return typeof unionid === 'string' && WECHAT_ID.test(unionid) ? { unionid } : null
}

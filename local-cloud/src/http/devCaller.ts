/**
 * The caller of a client endpoint (`/callFunction`, `/uploadFile`): the dev-only X-WX-OPENID
 * header, which stands in for the WeChat login the cloud would check. That is why the local
 * cloud listens on loopback only.
 */
import type { IncomingMessage } from 'node:http'

const OPENID = /^[A-Za-z0-9_-]{1,64}$/

export const MISSING_CALLER =
  'missing or malformed X-WX-OPENID header (the dev-only choice of caller)'

/** The openid the request names, or null when the header is missing or malformed. */
export function devCaller(request: IncomingMessage): string | null {
  const openid = request.headers['x-wx-openid']
  return typeof openid === 'string' && OPENID.test(openid) ? openid : null
}

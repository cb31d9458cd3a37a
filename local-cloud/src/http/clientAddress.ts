/**
 * Where a client's call came from, as getWXContext() reports it: CLIENTIP is the client's IPv4
 * address and CLIENTIPV6 its IPv6 address (Cloud.getWXContext,
 * https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/utils/Cloud.getWXContext.md).
 * An IPv4 client reaching a dual-stack socket appears as `::ffff:a.b.c.d`, which is still IPv4.
 */
import { isIPv4, isIPv6 } from 'node:net'

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i

export function clientAddress(remoteAddress: string | undefined): {
  CLIENTIP?: string
  CLIENTIPV6?: string
} {
  if (!remoteAddress) return {}
  const mapped = MAPPED_IPV4.exec(remoteAddress)?.[1]
  if (mapped && isIPv4(mapped)) return { CLIENTIP: mapped }
  if (isIPv4(remoteAddress)) return { CLIENTIP: remoteAddress }
  if (isIPv6(remoteAddress)) return { CLIENTIPV6: remoteAddress }
  return {}
}

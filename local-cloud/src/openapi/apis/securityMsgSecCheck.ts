/**
 * security.msgSecCheck. Version 2 (content, version: 2, scene, openid) answers errcode 0 with a
 * verdict in `result` and `detail`; version 1 (content only) answers errcode 87014 for risky
 * content, as WeChat does. The verdict comes from the blocked-word list (blockedWords.ts).
 */
import { randomBytes } from 'node:crypto'
import { type BlockedWords } from '../blockedWords'
import { jsonAnswer, wechatError } from '../openApiAnswer'
import { type OpenApiHandler } from '../openApiHandler'

/** WeChat checks at most this many characters. */
const MAX_CONTENT_CHARACTERS = 2500
/** WeChat's label for normal content, and the one every hit gets here (apps act on `suggest`, not on the label). */
const LABEL_PASS = 100
const LABEL_RISKY = 20001

function traceId(): string {
  const part = () => randomBytes(4).toString('hex')
  return `${part()}-${part()}-${part()}`
}

export function securityMsgSecCheck(blockedWords: BlockedWords): OpenApiHandler {
  return (params) => {
    const { content, version, scene, openid } = params
    if (typeof content !== 'string' || content === '') {
      return wechatError(47001, 'data format error: content is empty')
    }
    if (Array.from(content).length > MAX_CONTENT_CHARACTERS) {
      return wechatError(
        47001,
        `data format error: content exceeds ${MAX_CONTENT_CHARACTERS} characters`,
      )
    }
    const hits = blockedWords.foundIn(content)

    if (version !== 2) {
      return hits.length > 0 ? wechatError(87014, 'risky content') : jsonAnswer({})
    }
    if (typeof openid !== 'string' || openid === '') return wechatError(40003, 'invalid openid')
    if (scene !== 1 && scene !== 2 && scene !== 3 && scene !== 4) {
      return wechatError(47001, 'data format error: scene must be 1, 2, 3 or 4')
    }

    const suggest = hits.length > 0 ? 'risky' : 'pass'
    const label = hits.length > 0 ? LABEL_RISKY : LABEL_PASS
    return jsonAnswer({
      result: { suggest, label },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest, label, prob: 90 },
        ...hits.map((keyword) => ({
          strategy: 'keyword',
          errcode: 0,
          suggest: 'risky',
          label: LABEL_RISKY,
          level: 20,
          keyword,
        })),
      ],
      trace_id: traceId(),
    })
  }
}

/**
 * The parameters of a cloud.openapi call, back from the protobuf pairs: each top-level param is
 * one pair whose value is its UTF-8 JSON (keys already snake_case), except media params
 * (`{contentType, value: Buffer}`), sent as raw bytes with a filename
 * (local-cloud/PROTOCOL.md「Openapi: Parameters」).
 */
import { type KeyValuePair } from './protobufMessages'

export interface MediaParam {
  filename: string
  /** Usually absent: the SDK never fills the pair's contenttype. */
  contentType?: string
  value: Buffer
}

export type OpenApiParams = Record<string, unknown>

export function isMediaParam(value: unknown): value is MediaParam {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as MediaParam).value)
}

export function decodeOpenApiParams(pairs: KeyValuePair[]): OpenApiParams {
  const params: OpenApiParams = {}
  for (const pair of pairs) {
    if (pair.filename !== undefined) {
      params[pair.key] = {
        filename: pair.filename,
        ...(pair.contenttype !== undefined && { contentType: pair.contenttype }),
        value: pair.value,
      } satisfies MediaParam
      continue
    }
    const text = pair.value.toString('utf8')
    try {
      params[pair.key] = JSON.parse(text) as unknown
    } catch {
      // Not JSON (a hand-made request): the text is the best reading of it.
      params[pair.key] = text
    }
  }
  return params
}

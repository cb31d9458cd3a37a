/**
 * The protobuf messages of `wx.openApi`, declared with protobufjs's reflection API. Field numbers
 * are those of wx-server-sdk's bundled `openapi.js`
 * (local-cloud/PROTOCOL.md「Openapi: Protobuf messages」); only what the local cloud reads or
 * writes is declared, unknown fields are skipped when decoding.
 */
import { Field, Root, Type } from 'protobufjs'

const root = new Root()
  .add(
    new Type('KeyValuePair')
      .add(new Field('key', 1, 'string'))
      .add(new Field('value', 2, 'bytes'))
      .add(new Field('contenttype', 3, 'string'))
      .add(new Field('filename', 4, 'string')),
  )
  .add(new Type('OpenApiData').add(new Field('pairs', 1, 'KeyValuePair', 'repeated')))
  .add(
    new Type('SvrkitApiData')
      .add(new Field('apiName', 1, 'string'))
      .add(new Field('reqData', 2, 'bytes')),
  )
  .add(
    new Type('TokenApiData')
      .add(new Field('resourceAppid', 1, 'string'))
      .add(new Field('resourceEnv', 2, 'string')),
  )
  .add(
    new Type('CommApiData')
      .add(new Field('apiType', 1, 'int32'))
      .add(new Field('openapiData', 2, 'OpenApiData'))
      .add(new Field('svrkitData', 4, 'SvrkitApiData'))
      .add(new Field('tokenData', 5, 'TokenApiData'))
      .add(new Field('appid', 6, 'string')),
  )
  .add(
    new Type('HttpHeader').add(new Field('key', 1, 'string')).add(new Field('value', 2, 'string')),
  )
  .add(
    new Type('CommOpenApiResp')
      .add(new Field('respData', 1, 'bytes'))
      .add(new Field('contentType', 2, 'string'))
      .add(new Field('errorCode', 3, 'int32'))
      .add(new Field('httpCode', 4, 'uint32'))
      .add(new Field('headers', 5, 'HttpHeader', 'repeated'))
      .add(new Field('svrkitErrorCode', 6, 'int32')),
  )
root.resolveAll()

const commApiData = root.lookupType('CommApiData')
const commOpenApiResp = root.lookupType('CommOpenApiResp')

/** `CommApiData.apiType` values. */
export const API_TYPE = { OPEN_API: 0, SVRKIT: 2, TOKEN: 3 } as const

export interface KeyValuePair {
  key: string
  value: Buffer
  contenttype?: string
  filename?: string
}

export interface CommApiData {
  apiType: number
  pairs: KeyValuePair[]
  appid?: string
}

export interface CommOpenApiResp {
  respData: Buffer
  contentType: string
  errorCode: number
  httpCode: number
}

/** Throws when `bytes` is not a CommApiData. */
export function decodeCommApiData(bytes: Buffer): CommApiData {
  const decoded = commApiData.toObject(commApiData.decode(bytes), { defaults: true }) as {
    apiType: number
    openapiData?: {
      pairs?: Array<{ key: string; value: Uint8Array; contenttype: string; filename: string }>
    }
    appid: string
  }
  return {
    apiType: decoded.apiType,
    pairs: (decoded.openapiData?.pairs ?? []).map((pair) => ({
      key: pair.key,
      // protobufjs hands out views into the request; copy so a pair outlives the body.
      value: Buffer.from(pair.value),
      ...(pair.contenttype !== '' && { contenttype: pair.contenttype }),
      ...(pair.filename !== '' && { filename: pair.filename }),
    })),
    ...(decoded.appid !== '' && { appid: decoded.appid }),
  }
}

export function encodeCommOpenApiResp(response: CommOpenApiResp): Buffer {
  return Buffer.from(commOpenApiResp.encode(commOpenApiResp.fromObject(response)).finish())
}

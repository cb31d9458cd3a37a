/**
 * The second half of uploadFile, at the URL `storage.getUploadMetadata` minted
 * (`/__cos/<encodeURIComponent(cloudPath)>`), in the two forms COS accepts and the SDKs use:
 *
 * - `PUT` (wx-server-sdk 4.x): the body is the file, the token in the `x-cos-security-token`
 *   header. The SDK ignores the status and reads the body: empty means success, XML `<Error>`
 *   failure (local-cloud/PROTOCOL.md「Storage: uploadFile」).
 * - `POST` (wx-server-sdk 2.x, COS "POST Object"): a multipart form with the fields Signature,
 *   x-cos-security-token, x-cos-meta-fileid, key and file. The object is the form's `key`; the
 *   success answer is COS's default for a form upload, 204 with an empty body, which the SDK's XML
 *   parse reads as success; failures are the same XML `<Error>`.
 */
import { createHash } from 'node:crypto'
import { multipartBoundary, parseMultipart } from '../openapi/multipart'
import { type RawResponse } from '../protocol/types'
import { cloudPathProblem } from './cloudPath'
import { cosXmlError } from './cosXmlError'
import { MAX_UPLOAD_BYTES } from './limits'
import { type ObjectStore } from './objectStore'
import { type UploadTokens } from './uploadTokens'

export type RequestHeaders = Record<string, string | string[] | undefined>

/** Header names compared case-insensitively: Node lowercases them, other callers may not. */
function header(headers: RequestHeaders, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name)
  const value = key === undefined ? undefined : headers[key]
  return Array.isArray(value) ? value[0] : value
}

function decodePath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded.split('?')[0]!)
  } catch {
    return null
  }
}

/** Stores `body` at `cloudPath` if `token` allows it, or answers why not. */
function storeGranted(
  store: ObjectStore,
  tokens: UploadTokens,
  upload: { cloudPath: string; token: string; body: Buffer; resource: string },
): RawResponse | { etag: string } {
  const { cloudPath, token, body, resource } = upload
  const grant = tokens.grantFor(token, cloudPath)
  if (!grant) {
    return cosXmlError(
      403,
      'AccessDenied',
      'Access Denied. Ask storage.getUploadMetadata for a token for this path first.',
      resource,
    )
  }
  if (body.length > MAX_UPLOAD_BYTES) {
    return cosXmlError(
      400,
      'EntityTooLarge',
      `Your proposed upload exceeds the maximum allowed object size (${MAX_UPLOAD_BYTES} bytes).`,
      resource,
    )
  }
  store.put(
    {
      path: cloudPath,
      envName: grant.envName,
      size: body.length,
      uploadedAt: new Date().toISOString(),
    },
    body,
  )
  return { etag: `"${createHash('md5').update(body).digest('hex')}"` }
}

export function createUploadHandler(store: ObjectStore, tokens: UploadTokens) {
  return function handleUpload(
    pathAfterCos: string,
    headers: RequestHeaders,
    body: Buffer,
  ): RawResponse {
    const resource = `/${pathAfterCos}`
    const cloudPath = decodePath(pathAfterCos)
    const problem =
      cloudPath === null ? 'the key is not valid percent-encoding' : cloudPathProblem(cloudPath)
    if (cloudPath === null || problem !== null) {
      return cosXmlError(400, 'InvalidURI', problem ?? '', resource)
    }
    const token = header(headers, 'x-cos-security-token') ?? ''
    const stored = storeGranted(store, tokens, { cloudPath, token, body, resource })
    if (!('etag' in stored)) return stored
    return { status: 200, headers: { etag: stored.etag, 'content-length': '0' }, body: '' }
  }
}

export function createFormUploadHandler(store: ObjectStore, tokens: UploadTokens) {
  return function handleFormUpload(
    pathAfterCos: string,
    contentType: string,
    body: Buffer,
  ): RawResponse {
    const resource = `/${pathAfterCos}`
    const boundary = multipartBoundary(contentType)
    if (boundary === null) {
      return cosXmlError(400, 'InvalidArgument', 'the body must be multipart/form-data', resource)
    }
    let fields: Map<string, Buffer>
    try {
      fields = new Map(parseMultipart(body, boundary).map((part) => [part.name, part.data]))
    } catch (error) {
      return cosXmlError(400, 'MalformedPOSTRequest', (error as Error).message, resource)
    }
    const cloudPath = fields.get('key')?.toString('utf8') ?? ''
    const file = fields.get('file')
    if (cloudPath === '' || file === undefined) {
      return cosXmlError(400, 'InvalidArgument', 'the form needs a key and a file', resource)
    }
    const problem = cloudPathProblem(cloudPath)
    if (problem !== null) return cosXmlError(400, 'InvalidArgument', problem, resource)
    const token = fields.get('x-cos-security-token')?.toString('utf8') ?? ''
    const stored = storeGranted(store, tokens, { cloudPath, token, body: file, resource })
    if (!('etag' in stored)) return stored
    return { status: 204, headers: { etag: stored.etag }, body: '' }
  }
}

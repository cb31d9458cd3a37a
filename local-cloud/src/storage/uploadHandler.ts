/**
 * `PUT /__cos/<encodeURIComponent(cloudPath)>`: the second half of uploadFile. The SDK ignores
 * the status and reads the body: empty means success, XML `<Error>` means failure
 * (local-cloud/PROTOCOL.md「Storage: uploadFile」).
 */
import { createHash } from 'node:crypto'
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
    const etag = createHash('md5').update(body).digest('hex')
    return { status: 200, headers: { etag: `"${etag}"`, 'content-length': '0' }, body: '' }
  }
}

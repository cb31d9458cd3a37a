/**
 * `GET /__files/<cloudPath>`: what a temp URL points to. node-sdk's downloadFile fetches
 * `encodeURI(tempFileURL)` and only looks at the status (200 or failure); browsers and the
 * mini-program's <image> need the content-type.
 */
import { type RawResponse } from '../protocol/types'
import { cloudPathProblem } from './cloudPath'
import { contentTypeOf } from './contentType'
import { cosXmlError } from './cosXmlError'
import { type ObjectStore } from './objectStore'

export function createDownloadHandler(store: ObjectStore) {
  return function handleDownload(pathAfterFiles: string): RawResponse {
    // Cloud paths cannot hold `?` (cloudPath.ts), so anything after one is a query to ignore.
    const encoded = pathAfterFiles.split('?')[0]!
    const resource = `/${encoded}`
    let cloudPath: string
    try {
      cloudPath = decodeURIComponent(encoded)
    } catch {
      return cosXmlError(400, 'InvalidURI', 'the path is not valid percent-encoding', resource)
    }
    // Refuses `..` and friends before any lookup.
    const problem = cloudPathProblem(cloudPath)
    if (problem !== null) return cosXmlError(400, 'InvalidURI', problem, resource)

    const stored = store.get(cloudPath)
    if (!stored) return cosXmlError(404, 'NoSuchKey', 'The specified key does not exist.', resource)
    return {
      status: 200,
      headers: {
        'content-type': contentTypeOf(cloudPath),
        'content-length': String(stored.bytes.length),
        'last-modified': new Date(stored.info.uploadedAt).toUTCString(),
      },
      body: stored.bytes,
    }
  }
}

/**
 * The local cloud's storage: CloudBase's storage actions plus the two URLs they mint (uploads
 * and temp download URLs), over one store of objects, in memory or on disk.
 */
import { type ActionHandler, type RawResponse } from '../protocol/types'
import { cloudPathProblem } from './cloudPath'
import { createDiskObjectStore } from './diskObjectStore'
import { createDownloadHandler } from './downloadHandler'
import { toFileId } from './fileId'
import { createMemoryObjectStore } from './memoryObjectStore'
import { createStorageActions } from './storageActions'
import { createFormUploadHandler, createUploadHandler, type RequestHeaders } from './uploadHandler'
import { createUploadTokens } from './uploadTokens'

export { LOCAL_BUCKET } from './fileId'
export { MAX_UPLOAD_BYTES } from './limits'
export type { RequestHeaders } from './uploadHandler'

export interface StorageOptions {
  /** Directory the files are kept in, surviving restarts; null keeps them in memory. */
  dir: string | null
}

export interface StoredFile {
  fileID: string
  path: string
  size: number
  /** ISO 8601. */
  uploadedAt: string
}

export interface Storage {
  /** `storage.getUploadMetadata`, `storage.batchGetDownloadUrl`, `storage.batchDeleteFile`. */
  actions: Record<string, ActionHandler>
  /** `PUT /__cos/<path>`: `pathAfterCos` as it is in the request line (still encoded). */
  handleUpload(pathAfterCos: string, headers: RequestHeaders, body: Buffer): RawResponse
  /** `POST /__cos/<path>`: the multipart form wx-server-sdk 2.x sends (COS "POST Object"). */
  handleFormUpload(pathAfterCos: string, contentType: string, body: Buffer): RawResponse
  /** `GET /__files/<path>` (also fine for HEAD): `pathAfterFiles` still encoded. */
  handleDownload(pathAfterFiles: string): RawResponse
  /** A client's direct upload (the mini-program's wx.cloud.uploadFile, locally). */
  putFromClient(
    envName: string,
    cloudPath: string,
    bytes: Buffer,
  ): { fileID: string } | { problem: string }
  /** Every stored file, by path, for the dashboard. */
  list(): StoredFile[]
}

export function createStorage(options: StorageOptions): Storage {
  const store =
    options.dir === null ? createMemoryObjectStore() : createDiskObjectStore(options.dir)
  const tokens = createUploadTokens()
  return {
    actions: createStorageActions(store, tokens),
    handleUpload: createUploadHandler(store, tokens),
    handleFormUpload: createFormUploadHandler(store, tokens),
    handleDownload: createDownloadHandler(store),
    putFromClient(envName, cloudPath, bytes) {
      const problem = cloudPathProblem(cloudPath)
      if (problem !== null) return { problem }
      store.put(
        { path: cloudPath, envName, size: bytes.length, uploadedAt: new Date().toISOString() },
        bytes,
      )
      return { fileID: toFileId(envName, cloudPath) }
    },
    list: () =>
      store
        .list()
        .sort((a, b) => a.path.localeCompare(b.path))
        .map((info) => ({
          fileID: toFileId(info.envName, info.path),
          path: info.path,
          size: info.size,
          uploadedAt: info.uploadedAt,
        })),
  }
}

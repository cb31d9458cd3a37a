/**
 * The JSON actions of CloudBase storage (local-cloud/PROTOCOL.md「Storage」). Per-file problems are
 * answered in the item's `code` (wx-server-sdk maps it to `status`), request-level ones by
 * throwing a TcbError.
 */
import { randomBytes } from 'node:crypto'
import { TcbError } from '../protocol/tcbError'
import { type ActionHandler } from '../protocol/types'
import { cloudPathProblem } from './cloudPath'
import { cloudPathOfFileId, toFileId } from './fileId'
import { type ObjectStore } from './objectStore'
import { type UploadTokens } from './uploadTokens'
import { downloadUrl, uploadUrl } from './urls'

/** CloudBase handles at most this many files per getTempFileURL / deleteFile call. */
const MAX_FILES_PER_CALL = 50

interface FileResult {
  fileID: string
  code: string
  message?: string
}

function fileIdList(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new TcbError('INVALID_PARAM', `${field} must be an array`)
  if (value.length > MAX_FILES_PER_CALL) {
    throw new TcbError('INVALID_PARAM', `${field} must hold at most ${MAX_FILES_PER_CALL} files`)
  }
  return value
}

/** The stored path a fileID names, or the failure to report for it. */
function locate(store: ObjectStore, fileId: string): { path: string } | FileResult {
  const path = cloudPathOfFileId(fileId)
  if (path === null) {
    return {
      fileID: fileId,
      code: 'STORAGE_FILE_NONEXIST',
      message: `not a fileID of the local cloud storage: ${fileId}`,
    }
  }
  if (!store.has(path)) {
    return {
      fileID: fileId,
      code: 'STORAGE_FILE_NONEXIST',
      message: `storage file not exists: ${fileId}`,
    }
  }
  return { path }
}

export function createStorageActions(
  store: ObjectStore,
  tokens: UploadTokens,
): Record<string, ActionHandler> {
  return {
    'storage.getUploadMetadata': (body, context) => {
      const cloudPath = body['path']
      const problem = cloudPathProblem(cloudPath)
      if (problem !== null || typeof cloudPath !== 'string') {
        throw new TcbError('INVALID_PARAM', problem ?? 'invalid path')
      }
      const token = tokens.mint(cloudPath, context.envName)
      return {
        url: uploadUrl(context.baseUrl, cloudPath),
        token,
        // The shape of a COS signature; the upload check relies on the token alone.
        authorization: `q-sign-algorithm=sha1&q-ak=local&q-sign-time=0;0&q-key-time=0;0&q-header-list=&q-url-param-list=&q-signature=${token}`,
        fileId: toFileId(context.envName, cloudPath),
        cosFileId: randomBytes(16).toString('hex'),
        download_url: downloadUrl(context.baseUrl, cloudPath),
      }
    },

    'storage.batchGetDownloadUrl': (body, context) => {
      const items = fileIdList(body['file_list'], 'file_list')
      const download_list = items.map((item) => {
        const { fileid, max_age } = (item ?? {}) as { fileid?: unknown; max_age?: unknown }
        if (typeof fileid !== 'string' || fileid === '') {
          throw new TcbError('INVALID_PARAM', 'file_list items need a fileid string')
        }
        const maxAge = typeof max_age === 'number' ? { maxAge: max_age } : {}
        const found = locate(store, fileid)
        if (!('path' in found)) return { ...found, tempFileURL: '', ...maxAge }
        return {
          fileID: fileid,
          tempFileURL: downloadUrl(context.baseUrl, found.path),
          code: 'SUCCESS',
          ...maxAge,
        }
      })
      return { download_list }
    },

    'storage.batchDeleteFile': (body) => {
      const fileIds = fileIdList(body['fileid_list'], 'fileid_list')
      if (!fileIds.every((fileId) => typeof fileId === 'string' && fileId !== '')) {
        throw new TcbError('INVALID_PARAM', 'fileid_list items must be non-empty strings')
      }
      const delete_list = (fileIds as string[]).map((fileId): FileResult => {
        const found = locate(store, fileId)
        if (!('path' in found)) return found
        store.delete(found.path)
        return { fileID: fileId, code: 'SUCCESS' }
      })
      return { delete_list }
    },
  }
}

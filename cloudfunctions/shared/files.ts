/**
 * Photos people attach are uploaded by the app to `uploads/<feature>/…` of this environment's
 * storage, then recorded as the uploader's with community.recordUploads (miniprogram/services/
 * upload.ts). An action accepts a photo only if this caller recorded it: a file never uploaded,
 * someone else's, one from another environment or a path that leaves `uploads/` is refused
 * before anything is written.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Cloud, Database } from './cloud'
import { AppError } from './errors'

export const UPLOADS = 'uploads'

export interface UploadDoc {
  /** uploadId(fileId): one record per file, the first to record it owns it. */
  _id: string
  fileId: string
  openid: string
  createdAt: Date
}

export const PHOTO_FEATURES = ['suggestions', 'ratings', 'fees', 'volunteers'] as const

const FILE_ID = /^cloud:\/\/([a-z0-9-]+)\.[A-Za-z0-9-]+\/(uploads\/.+)$/
/** One path segment: no `.`/`..`, no separators, escapes, query or fragment. */
const SEGMENT = /^(?!\.{1,2}$)[\w.\-\u4e00-\u9fff]{1,80}$/u

/** The environment and normalised storage path of an uploaded photo's fileID, or null. */
export function uploadedPhoto(fileId: string): { env: string; path: string } | null {
  const match = FILE_ID.exec(fileId)
  if (!match) return null
  const segments = match[2]!.split('/')
  const feature = segments[1] ?? ''
  if (segments.length < 3 || !(PHOTO_FEATURES as readonly string[]).includes(feature)) return null
  if (!segments.every((segment) => SEGMENT.test(segment))) return null
  return { env: match[1]!, path: match[2]! }
}

export function uploadId(fileId: string): string {
  return `up_${createHash('sha256').update(fileId).digest('hex').slice(0, 40)}`
}

/** A fileID of an uploaded photo (the shape only; see requireOwnUploads). */
export function photoId() {
  return z
    .string({ error: '照片须先上传' })
    .max(300, { error: '照片须先上传' })
    .refine((fileId) => uploadedPhoto(fileId) !== null, { error: '照片须先上传到本小程序' })
}

/** Up to `max` fileIDs of uploaded photos. */
export function photoIds(max: number) {
  return z
    .array(photoId(), { error: '照片格式不正确' })
    .max(max, { error: `最多 ${max} 张照片` })
    .refine((ids) => new Set(ids).size === ids.length, { error: '同一张照片只能附一次' })
}

const notUploaded = (message: string) =>
  new AppError('INVALID_ARGUMENT', '照片须先上传到本小程序', [{ field: 'photos', message }])

/** Refuses fileIDs of another environment than the one this function runs in. */
export function requireThisEnvironment(cloud: Cloud, fileIds: readonly string[]): void {
  const env = cloud.wxContext().ENV
  for (const fileId of fileIds) {
    const photo = uploadedPhoto(fileId)
    if (!photo || (env && photo.env !== env)) throw notUploaded('不是本小程序上传的照片')
  }
}

/** Refuses photos that this caller did not upload and record (one query for all of them). */
export async function requireOwnUploads(
  db: Database,
  cloud: Cloud,
  openid: string,
  fileIds: readonly string[],
): Promise<void> {
  if (fileIds.length === 0) return
  requireThisEnvironment(cloud, fileIds)
  const { data } = await db
    .collection<UploadDoc>(UPLOADS)
    .where({ _id: db.command['in']!(fileIds.map(uploadId)) })
    .limit(fileIds.length)
    .get()
  const mine = new Set(data.filter((u) => u.openid === openid).map((u) => u.fileId))
  if (!fileIds.every((fileId) => mine.has(fileId)))
    throw notUploaded('照片不是您上传的或尚未上传完成')
}

/**
 * Photos people attach are uploaded by the app to `uploads/<feature>/…` of this environment's
 * storage (miniprogram/services/upload.ts). A fileID from anywhere else (another environment,
 * another app, a made-up string) is refused before anything is written.
 */
import { z } from 'zod'
import type { Cloud } from './cloud'
import { AppError } from './errors'

const UPLOADED_PHOTO = /^cloud:\/\/([a-z0-9-]+)\.[A-Za-z0-9-]+\/uploads\/[^?#%\\]+$/

/** Up to `max` fileIDs of uploaded photos (the shape only; see requireOwnFiles). */
export function photoIds(max: number) {
  return z
    .array(
      z
        .string({ error: '照片须先上传' })
        .max(300, { error: '照片须先上传' })
        .regex(UPLOADED_PHOTO, { error: '照片须先上传到本小程序' }),
      { error: '照片格式不正确' },
    )
    .max(max, { error: `最多 ${max} 张照片` })
}

/** Refuses fileIDs that were not uploaded to the environment this function runs in. */
export function requireOwnFiles(cloud: Cloud, fileIds: readonly string[]): void {
  const env = cloud.wxContext().ENV
  for (const fileId of fileIds) {
    const match = UPLOADED_PHOTO.exec(fileId)
    if (!match || (env && match[1] !== env)) {
      throw new AppError('INVALID_ARGUMENT', '照片须先上传到本小程序', [
        { field: 'photos', message: '不是本小程序上传的照片' },
      ])
    }
  }
}

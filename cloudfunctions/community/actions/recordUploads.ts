import { z } from 'zod'
import { requirePrivacyAgreed } from '../../shared/caller'
import type { Cloud } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import {
  photoId,
  requireThisEnvironment,
  UPLOADS,
  uploadId,
  type UploadDoc,
} from '../../shared/files'
import { isDuplicateKey } from '../../shared/idempotency'
import { requireQuota } from '../../shared/quota'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'

/**
 * Records photos the app has just uploaded as the caller's, so that actions accept them from
 * this caller only. Each file must exist in this environment's storage; a file someone else
 * recorded first stays theirs. Recording the same files again answers the same.
 */
export const recordUploads = defineAction({
  input: input({
    fileIds: z
      .array(photoId(), { error: '照片格式不正确' })
      .min(1, { error: '请先选择照片' })
      .max(9, { error: '一次最多 9 张照片' })
      .refine((ids) => new Set(ids).size === ids.length, { error: '同一张照片只能附一次' }),
  }),
  async run({ fileIds }, context) {
    const db = context.cloud.database()
    const { user } = await context.caller()
    requirePrivacyAgreed(user)
    requireThisEnvironment(context.cloud, fileIds)
    const uploads = db.collection<UploadDoc>(UPLOADS)
    const [{ data: recorded }] = await Promise.all([
      uploads
        .where({ _id: db.command['in']!(fileIds.map(uploadId)) })
        .limit(fileIds.length)
        .get(),
      requireStored(context.cloud, fileIds),
    ])
    if (recorded.some((u) => u.openid !== context.openid)) throw notYours()
    const fresh = fileIds.filter((fileId) => !recorded.some((u) => u.fileId === fileId))
    if (fresh.length > 0) {
      await requireQuota(db, 'uploads', { openid: context.openid }, context.now())
      try {
        await uploads.add({
          data: fresh.map((fileId) => ({
            _id: uploadId(fileId),
            fileId,
            openid: context.openid,
            createdAt: context.now(),
          })),
        })
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        // Recorded meanwhile: by this caller (a double tap), fine; by someone else, refused.
        const { data } = await uploads
          .where({ _id: db.command['in']!(fresh.map(uploadId)) })
          .limit(fresh.length)
          .get()
        if (data.length !== fresh.length || data.some((u) => u.openid !== context.openid))
          throw notYours()
      }
    }
    return { recorded: fileIds.length }
  },
})

const notYours = () =>
  new AppError('INVALID_ARGUMENT', '照片须先上传到本小程序', [
    { field: 'fileIds', message: '照片不是您上传的' },
  ])

/** Every file is in storage (getTempFileURL answers each file's status). */
async function requireStored(cloud: Cloud, fileIds: string[]): Promise<void> {
  const result = (await cloud.sdk.getTempFileURL({ fileList: fileIds })) as {
    fileList?: Array<{ fileID: string; status: number }>
  }
  const found = new Set((result.fileList ?? []).filter((f) => f.status === 0).map((f) => f.fileID))
  if (!fileIds.every((fileId) => found.has(fileId)))
    throw new AppError('INVALID_ARGUMENT', '照片还没有上传完成，请重新选择照片', [
      { field: 'fileIds', message: '存储里没有这张照片' },
    ])
}

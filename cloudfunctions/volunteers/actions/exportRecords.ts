import type { ExportResult } from '../../../typings/volunteers'
import { appendAudit } from '../../shared/audit'
import { AppError } from '../../shared/errors'
import { getCommunity } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { docId, input, month } from '../../shared/validation'
import { monthRecords, recordsWorkbook } from '../lib/export'
import { VOLUNTEER_COLLECTIONS } from '../lib/model'
import { hoursOf } from '../lib/rules'

/**
 * Staff export a month of their community's service records as .xlsx, kept in cloud storage;
 * the answer has its fileID and a temporary download URL (an hour). The export is audited: it
 * hands out personal data.
 */
export const exportRecords = defineAction({
  input: input({ communityId: docId('社区'), month: month() }),
  async run({ communityId, month: m }, context): Promise<ExportResult> {
    const db = context.cloud.database()
    const community = await getCommunity(db, communityId)
    const records = await monthRecords(db, communityId, m)
    const title = `${community.name} ${m} 志愿服务记录`
    const { buffer, totalMinutes } = await recordsWorkbook(title, records)
    const fileName = `${community.name}-${m}-志愿服务记录.xlsx`
    const stamp = context.now().getTime()
    const sdk = context.cloud.sdk as unknown as {
      uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
      getTempFileURL(options: {
        fileList: Array<{ fileID: string; maxAge: number }>
      }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number }> }>
    }
    let fileID: string
    let tempFileURL: string
    try {
      ;({ fileID } = await sdk.uploadFile({
        cloudPath: `exports/volunteers/${communityId}/${m}-${stamp}.xlsx`,
        fileContent: buffer,
      }))
      const { fileList } = await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] })
      tempFileURL = fileList[0]?.tempFileURL ?? ''
    } catch (error) {
      console.error('[volunteers] export upload failed', error)
      throw new AppError('INTERNAL', '导出文件保存失败，请稍后再试')
    }
    await appendAudit(db, {
      actor: context.openid,
      action: 'volunteers.exportRecords',
      target: { collection: VOLUNTEER_COLLECTIONS.signups, id: `${communityId}_${m}` },
      communityId,
      after: { rows: records.length, fileID },
    })
    return {
      fileID,
      tempFileURL,
      fileName,
      rows: records.length,
      totalHours: hoursOf(totalMinutes),
    }
  },
})

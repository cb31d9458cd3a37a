/**
 * wx.cloud on the local cloud that serves the runner: functions are called and files uploaded
 * as the chosen user (the dev-only X-WX-OPENID header), stored files are served by the cloud.
 */
import { ApiFail, asyncApi, loud } from '../api'
import { cloudOrigin, resolveSrc, tempFile } from '../files'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'
import { download } from './network'

export function cloudApi(rt: Runtime): Dict {
  const { identity } = rt
  /** A POST to the local cloud as the chosen user: its status and its JSON answer. */
  const postAsUser = async (
    path: string,
    contentType: string,
    body: BodyInit,
  ): Promise<{ status: number; body: Dict }> => {
    const response = await fetch(`${cloudOrigin()}${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'X-WX-OPENID': identity.openid },
      body,
    })
    return { status: response.status, body: (await response.json()) as Dict }
  }

  return loud(
    {
      init: () => undefined,
      callFunction: asyncApi('cloud.callFunction', async (options) => {
        const answer = await postAsUser(
          '/callFunction',
          'application/json',
          JSON.stringify({ name: options['name'], data: options['data'] ?? {} }),
        )
        if (answer.status !== 200)
          throw new ApiFail(String(answer.body['error'] ?? `local cloud answered ${answer.status}`))
        return { result: answer.body['result'], requestID: answer.body['requestID'] }
      }),
      uploadFile: asyncApi('cloud.uploadFile', async (options) => {
        const file = tempFile(String(options['filePath']))
        if (!file) throw new ApiFail(`no such file ${String(options['filePath'])}`)
        const answer = await postAsUser(
          `/uploadFile?cloudPath=${encodeURIComponent(String(options['cloudPath']))}`,
          'application/octet-stream',
          file.bytes,
        )
        if (answer.status !== 200) throw new ApiFail(String(answer.body['error'] ?? answer.status))
        return { fileID: answer.body['fileID'], statusCode: 200 }
      }),
      getTempFileURL: asyncApi('cloud.getTempFileURL', (options) => ({
        fileList: ((options['fileList'] as unknown[]) ?? []).map((item) => {
          const fileID = typeof item === 'string' ? item : String((item as Dict)['fileID'])
          return { fileID, tempFileURL: resolveSrc(fileID, ''), status: 0, errMsg: 'ok' }
        }),
      })),
      downloadFile: asyncApi('cloud.downloadFile', async (options) =>
        download(resolveSrc(String(options['fileID']), '')),
      ),
    },
    'cloud.',
    rt.unsupported,
  )
}

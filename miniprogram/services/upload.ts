/**
 * Photos people attach: chosen from the album or camera, compressed on the phone, uploaded to
 * cloud storage under `uploads/<feature>/<month>/` and recorded as the uploader's
 * (community.recordUploads): the functions accept only photos their caller recorded
 * (cloudfunctions/shared/files.ts). A development build uploads to the local cloud instead.
 */
import { LOCAL_CLOUD } from '../config'
import { devOpenid } from '../utils/devUser'
import { monthOf } from '../utils/time'
import { callCloud, CloudCallError } from './cloud'

export type PhotoFeature = 'suggestions' | 'ratings' | 'fees' | 'volunteers'

/** Lets the person pick up to `count` photos; already compressed by WeChat when it can. */
export function choosePhotos(count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
      success: (result) => resolve(result.tempFiles.map((file) => file.tempFilePath)),
      fail: (error) => {
        // Closing the picker is not an error.
        if (/cancel/.test(error.errMsg)) resolve([])
        else reject(new CloudCallError('UNAVAILABLE', '没能打开相册，请稍后再试'))
      },
    })
  })
}

/** Uploads one photo and answers its fileID. */
export async function uploadPhoto(feature: PhotoFeature, tempPath: string): Promise<string> {
  const compressed = await compress(tempPath)
  const cloudPath = `uploads/${feature}/${monthOf(new Date())}/${randomName()}.jpg`
  try {
    return LOCAL_CLOUD
      ? await uploadToLocalCloud(LOCAL_CLOUD.url, cloudPath, compressed)
      : (await wx.cloud.uploadFile({ cloudPath, filePath: compressed })).fileID
  } catch (error) {
    console.warn('uploadFile failed', error)
    throw new CloudCallError('UNAVAILABLE', '照片上传失败，请检查网络后再试')
  }
}

/**
 * Uploads photos one after the other, records them as mine, and answers their fileIDs in the
 * same order.
 */
export async function uploadPhotos(feature: PhotoFeature, tempPaths: string[]): Promise<string[]> {
  const fileIds: string[] = []
  for (const path of tempPaths) fileIds.push(await uploadPhoto(feature, path))
  if (fileIds.length > 0) await callCloud('community', 'recordUploads', { fileIds })
  return fileIds
}

/** Where an <image> can show a stored photo: fileIDs work as they are, except locally. */
export function photoSrc(fileId: string): string {
  if (!LOCAL_CLOUD) return fileId
  const path = fileId.replace(/^cloud:\/\/[^/]+\//, '')
  return `${LOCAL_CLOUD.url}/__files/${path.split('/').map(encodeURIComponent).join('/')}`
}

function compress(src: string): Promise<string> {
  return new Promise((resolve) => {
    wx.compressImage({
      src,
      quality: 70,
      success: (result) => resolve(result.tempFilePath),
      // A format compressImage cannot handle still uploads as chosen.
      fail: () => resolve(src),
    })
  })
}

function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

function uploadToLocalCloud(url: string, cloudPath: string, filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().readFile({
      filePath,
      success: ({ data }) =>
        wx.request({
          url: `${url}/uploadFile?cloudPath=${encodeURIComponent(cloudPath)}`,
          method: 'POST',
          header: { 'content-type': 'application/octet-stream', 'X-WX-OPENID': devOpenid() },
          data: data as ArrayBuffer,
          success: (response) => {
            const fileID = (response.data as { fileID?: string }).fileID
            if (response.statusCode === 200 && fileID) resolve(fileID)
            else reject(new Error(`local cloud answered ${response.statusCode}`))
          },
          fail: (error) => reject(new Error(error.errMsg)),
        }),
      fail: (error) => reject(new Error(error.errMsg)),
    })
  })
}

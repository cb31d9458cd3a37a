/**
 * The local cloud's storage driven by the real wx-server-sdk: what a cloud function sees from
 * uploadFile, getTempFileURL, downloadFile and deleteFile (local-cloud/PROTOCOL.md「Storage」).
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../local-cloud/src'
import {
  createStorage,
  LOCAL_BUCKET,
  MAX_UPLOAD_BYTES,
  type Storage,
} from '../../local-cloud/src/storage'
import { collectUnhandledRejections, loadWxServerSdk, rejectionOf } from './support/wxServerSdk'

let server: LocalCloud
let storage: Storage
let cloud: ReturnType<typeof loadWxServerSdk>
const unhandled = collectUnhandledRejections()

beforeAll(async () => {
  server = await startLocalCloud({ dataDir: null })
  storage = server.storage
  cloud = loadWxServerSdk(server.sdkEnv)
})

afterAll(async () => {
  await server.close()
  unhandled.stop()
})

afterEach(() => expect(unhandled.reasons).toEqual([]))

/** Every byte value, so an encoding mistake anywhere shows. */
const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256))

describe('storage through wx-server-sdk', () => {
  const cloudPath = 'posts/照片 01.png'
  const fileID = `cloud://test.${LOCAL_BUCKET}/${cloudPath}`

  it('uploads and answers the fileID as production does', async () => {
    const result = await cloud.uploadFile({ cloudPath, fileContent: binary })
    // statusCode is always -1: the SDK never learns the PUT's status.
    expect(result).toEqual({ fileID, statusCode: -1, errMsg: 'uploadFile:ok' })
    expect(storage.list()).toEqual([
      { fileID, path: cloudPath, size: binary.length, uploadedAt: expect.any(String) },
    ])
  })

  it('gives a temp URL (unencoded) that serves the same bytes with a content-type', async () => {
    const result = (await cloud.getTempFileURL({ fileList: [fileID] }))!
    expect(result.errMsg).toBe('getTempFileURL:ok')
    const [item] = result.fileList
    expect(item).toMatchObject({ fileID, status: 0, errMsg: 'ok' })
    expect(item!.tempFileURL).toBe(`${server.url}/__files/${cloudPath}`)

    const response = await fetch(encodeURI(item!.tempFileURL))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await response.arrayBuffer())).toEqual(binary)
  })

  it('downloads the bytes', async () => {
    const result = await cloud.downloadFile({ fileID })
    expect(result).toEqual({ fileContent: binary, statusCode: 200, errMsg: 'downloadFile:ok' })
  })

  it('replaces a file uploaded again to the same path', async () => {
    await cloud.uploadFile({ cloudPath, fileContent: Buffer.from('v2') })
    expect((await cloud.downloadFile({ fileID })).fileContent).toEqual(Buffer.from('v2'))
    expect(storage.list()).toHaveLength(1)
  })

  it('deletes, after which the file is reported missing with -503003', async () => {
    const deleted = (await cloud.deleteFile({ fileList: [fileID] }))!
    expect(deleted).toEqual({
      fileList: [{ fileID, status: 0, errMsg: 'ok' }],
      errMsg: 'deleteFile:ok',
    })
    expect(storage.list()).toEqual([])

    const urls = (await cloud.getTempFileURL({ fileList: [fileID] }))!
    expect(urls.fileList).toEqual([
      expect.objectContaining({
        fileID,
        status: -503003,
        errMsg: 'storage file not exists',
        tempFileURL: '',
      }),
    ])

    const again = (await cloud.deleteFile({ fileList: [fileID] }))!
    expect(again.fileList).toEqual([{ fileID, status: -503003, errMsg: 'storage file not exists' }])
  })

  it('fails downloadFile of a missing file with errCode -1 and the item’s message', async () => {
    const error = await rejectionOf(cloud.downloadFile({ fileID }))
    expect(error).toMatchObject({
      errCode: -1,
      errMsg: `downloadFile:fail storage file not exists: ${fileID}`,
      code: 'STORAGE_FILE_NONEXIST',
    })
  })

  it('answers each file of a batch on its own', async () => {
    const kept = await cloud.uploadFile({ cloudPath: 'a.txt', fileContent: Buffer.from('a') })
    const result = (await cloud.getTempFileURL({
      fileList: [kept.fileID, 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/a.txt'],
    }))!
    expect(result.fileList.map((item) => item.status)).toEqual([0, -503003])
    await cloud.deleteFile({ fileList: [kept.fileID] })
  })

  it('refuses a cloudPath that cannot be served, with errCode -1', async () => {
    for (const bad of ['/leading-slash.txt', 'a/../b.txt', 'what?.txt']) {
      const error = await rejectionOf(
        cloud.uploadFile({ cloudPath: bad, fileContent: Buffer.from('x') }),
      )
      expect(error).toMatchObject({ errCode: -1, code: 'INVALID_PARAM' })
      expect(error['errMsg']).toMatch(/^uploadFile:fail cloudPath must not/)
    }
  })

  it('refuses an upload over 50 MiB with the COS XML error', async () => {
    const error = await rejectionOf(
      cloud.uploadFile({ cloudPath: 'big.bin', fileContent: Buffer.alloc(MAX_UPLOAD_BYTES + 1) }),
    )
    expect(error).toMatchObject({ errCode: -1, code: 'STORAGE_REQUEST_FAIL' })
    expect(error['errMsg']).toMatch(/^uploadFile:fail \[EntityTooLarge\]: /)
    expect(storage.list()).toEqual([])
  })
})

describe('storage HTTP endpoints', () => {
  it('refuses a PUT without a token minted by getUploadMetadata', async () => {
    const response = await fetch(`${server.url}/__cos/${encodeURIComponent('x.txt')}`, {
      method: 'PUT',
      body: 'x',
    })
    expect(response.status).toBe(403)
    expect(await response.text()).toMatch(/<Code>AccessDenied<\/Code>/)
    expect(storage.list()).toEqual([])
  })

  it("takes a development build's direct upload as the caller, and a function can fetch it", async () => {
    const upload = (cloudPath: string, headers: Record<string, string>) =>
      fetch(`${server.url}/uploadFile?cloudPath=${encodeURIComponent(cloudPath)}`, {
        method: 'POST',
        headers,
        body: binary,
      })
    const refused = await upload('uploads/x.png', {})
    expect(refused.status).toBe(400)
    const badPath = await upload('../x.png', { 'X-WX-OPENID': 'oResident01' })
    expect(badPath.status).toBe(400)
    expect(storage.list().some((file) => file.path.endsWith('x.png'))).toBe(false)

    const response = await upload('uploads/suggestions/照片.png', { 'X-WX-OPENID': 'oResident01' })
    const fileID = `cloud://local.${LOCAL_BUCKET}/uploads/suggestions/照片.png`
    expect(await response.json()).toEqual({
      fileID,
      statusCode: 200,
      errMsg: 'cloud.uploadFile:ok',
    })
    const { fileContent } = await cloud.downloadFile({ fileID })
    expect(Buffer.compare(fileContent as Buffer, binary)).toBe(0)
  })

  it('rejects path traversal and answers 404 for a missing file', () => {
    expect(storage.handleDownload('..%2F..%2Fetc%2Fpasswd').status).toBe(400)
    expect(storage.handleDownload('a/../../etc/passwd').status).toBe(400)
    expect(storage.handleDownload('%E0%A4%A').status).toBe(400)
    expect(storage.handleDownload('nothing-here.txt').status).toBe(404)
  })
})

describe('storage on disk', () => {
  const context = { envName: 'dev', requestId: 'r', baseUrl: 'http://local' }

  it('keeps files across restarts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-storage-'))
    try {
      const first = createStorage({ dir })
      const cloudPath = 'a/b c/中文.json'
      const metadata = (await first.actions['storage.getUploadMetadata']!(
        { path: cloudPath },
        context,
      )) as {
        url: string
        token: string
        fileId: string
      }
      const encoded = metadata.url.slice(`${context.baseUrl}/__cos/`.length)
      const upload = first.handleUpload(
        encoded,
        { 'x-cos-security-token': metadata.token },
        Buffer.from('{"a":1}'),
      )
      expect(upload).toMatchObject({ status: 200, body: '' })

      const second = createStorage({ dir })
      expect(second.list()).toEqual([
        { fileID: metadata.fileId, path: cloudPath, size: 7, uploadedAt: expect.any(String) },
      ])
      const download = second.handleDownload(encodeURI(cloudPath))
      expect(download).toMatchObject({ status: 200, body: Buffer.from('{"a":1}') })
      expect(download.headers['content-type']).toBe('application/json; charset=utf-8')

      await second.actions['storage.batchDeleteFile']!({ fileid_list: [metadata.fileId] }, context)
      expect(createStorage({ dir }).list()).toEqual([])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

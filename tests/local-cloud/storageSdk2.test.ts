/**
 * Uploads from functions that pin wx-server-sdk 2.x. Their SDK does not PUT the bytes as 4.x does:
 * it POSTs a multipart form (COS's "POST Object") to the upload URL and parses the answer as XML.
 * The fixture `sdk2Upload` speaks exactly that wire format (recorded from wx-server-sdk 2.6.3 and
 * 2.4.0), so the test needs no copy of the old SDK.
 *
 * COS "POST Object" (https://cloud.tencent.com/document/api/436/14690): a multipart/form-data body
 * whose `key` field names the object and whose `file` field is the content; with no
 * success_action_status the success answer is 204 with an empty body; failures answer the XML
 * `<Error>` of every COS API. @cloudbase/node-sdk 2.x `uploadFile` treats an empty answer as
 * success and reads `Error.Code` / `Error.Message` out of an XML failure.
 */
import * as path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../local-cloud/src'
import { LOCAL_BUCKET } from '../../local-cloud/src/storage'

let cloud: LocalCloud

beforeAll(async () => {
  cloud = await startLocalCloud({
    dataDir: null,
    functionsDir: path.join(__dirname, 'fixtures/scf'),
  })
})
afterAll(() => cloud.close())

/** Every byte value, so an encoding mistake anywhere shows. */
const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256))

function upload(event: Record<string, unknown>) {
  return cloud.callFunction(
    'sdk2Upload',
    { contentBase64: binary.toString('base64'), ...event },
    'oUser1',
  ) as Promise<{ fileId: string; status: number; contentType: string | null; body: string }>
}

describe('the 2.x SDK’s POST upload', () => {
  it('stores the file under the form’s key and answers 204 with an empty body', async () => {
    const cloudPath = 'posts/照片 01.png'
    const answer = await upload({ cloudPath })
    expect(answer).toMatchObject({ status: 204, body: '' })
    expect(answer.fileId).toBe(`cloud://local.${LOCAL_BUCKET}/${cloudPath}`)
    const stored = await fetch(encodeURI(`${cloud.url}/__files/${cloudPath}`))
    expect(stored.status).toBe(200)
    expect(Buffer.from(await stored.arrayBuffer()).equals(binary)).toBe(true)
  })

  it('refuses a token that was not minted for the key, in the XML the SDK reads', async () => {
    const answer = await upload({ cloudPath: 'posts/a.png', token: 'forged' })
    expect(answer.status).toBe(403)
    expect(answer.contentType).toBe('application/xml')
    expect(answer.body).toMatch(/<Error>\s*<Code>AccessDenied<\/Code>\s*<Message>[^<]+<\/Message>/)
    expect(cloud.storage.list().map((file) => file.path)).not.toContain('posts/a.png')
  })

  it('refuses a key other than the one the token was minted for', async () => {
    const answer = await upload({ cloudPath: 'posts/b.png', key: 'posts/elsewhere.png' })
    expect(answer.status).toBe(403)
    expect(answer.body).toContain('<Code>AccessDenied</Code>')
  })

  it('refuses a form without a key, as COS does (key is required)', async () => {
    const answer = await upload({ cloudPath: 'posts/c.png', key: '' })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatch(/<Code>InvalidArgument<\/Code>/)
  })
})

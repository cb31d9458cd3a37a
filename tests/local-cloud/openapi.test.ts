/**
 * The local cloud's `wx.openApi` driven by the real wx-server-sdk: what a cloud function sees
 * from cloud.openapi.* (local-cloud/PROTOCOL.md「Openapi: The answer」):
 * `{errMsg, errCode: 0, …camelCased fields}` on success, a CloudSDKError
 * `{errCode: <WeChat errcode>, errMsg: "openapi.<api>:fail <errmsg>"}` on failure.
 */
import QRCode from 'qrcode'
import { startLocalCloud, type LocalCloud } from '../../local-cloud/src'
import { DEFAULT_BLOCKED_WORDS, type OpenApi } from '../../local-cloud/src/openapi'
import { TcbError } from '../../local-cloud/src/protocol/tcbError'
import { pngPixels } from './support/pngPixels'
import { collectUnhandledRejections, loadWxServerSdk, rejectionOf } from './support/wxServerSdk'

let server: LocalCloud
let openApi: OpenApi
let openapi: ReturnType<typeof loadWxServerSdk>['openapi']
const unhandled = collectUnhandledRejections()

beforeAll(async () => {
  server = await startLocalCloud({ dataDir: null })
  openApi = server.openApi
  openapi = loadWxServerSdk(server.sdkEnv).openapi
})

afterAll(async () => {
  await server.close()
  unhandled.stop()
})

beforeEach(() => openApi.clearOutbox())
afterEach(() => expect(unhandled.reasons).toEqual([]))

describe('subscribeMessage.send', () => {
  // Long enough (> 127 bytes of JSON) that protobuf lengths take bytes ≥ 0x80, which a
  // multipart parser reading requestData as UTF-8 would corrupt.
  const data = {
    thing1: { value: '三号楼电梯维修通知，请住户留意安全出行' },
    time2: { value: '2026-03-01 09:00' },
    thing3: { value: '物业服务中心' },
    number4: { value: 3 },
  }

  it('lands in the outbox and answers ok', async () => {
    const result = await openapi.subscribeMessage.send({
      touser: 'oResident01',
      templateId: 'TPL_notice',
      page: 'pages/notice/detail?id=1',
      data,
      miniprogramState: 'developer',
    })
    expect(result).toEqual({ errMsg: 'openapi.subscribeMessage.send:ok', errCode: 0 })
    expect(openApi.outbox()).toEqual([
      {
        touser: 'oResident01',
        templateId: 'TPL_notice',
        page: 'pages/notice/detail?id=1',
        data,
        miniprogramState: 'developer',
        lang: 'zh_CN',
        sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ])
  })

  it('keeps messages oldest first, defaults miniprogramState to formal, and clears', async () => {
    await openapi.subscribeMessage.send({ touser: 'a', templateId: 'T', data })
    await openapi.subscribeMessage.send({ touser: 'b', templateId: 'T', data })
    expect(openApi.outbox().map((message) => [message.touser, message.miniprogramState])).toEqual([
      ['a', 'formal'],
      ['b', 'formal'],
    ])
    openApi.clearOutbox()
    expect(openApi.outbox()).toEqual([])
  })

  it('accepts a thing of 20 characters and fails 21 with errCode 47003, sending nothing', async () => {
    const twenty = '一二三四五六七八九十一二三四五六七八九十'
    const send = (thing: string) =>
      openapi.subscribeMessage.send({
        touser: 'oResident01',
        templateId: 'TPL_notice',
        data: { ...data, thing1: { value: thing } },
      })
    await send(twenty)
    const error = await rejectionOf(send(`${twenty}一`))
    expect(error).toMatchObject({ errCode: 47003 })
    expect(error['errMsg']).toMatch(
      /^openapi\.subscribeMessage\.send:fail argument invalid! data\.thing1\.value exceeds limit/,
    )
    expect(openApi.outbox().map((message) => message.data['thing1']!.value)).toEqual([twenty])
  })

  it('fails without touser (40003) or template_id (40037)', async () => {
    const noUser = await rejectionOf(openapi.subscribeMessage.send({ templateId: 'T', data }))
    expect(noUser).toMatchObject({
      errCode: 40003,
      errMsg: 'openapi.subscribeMessage.send:fail invalid openid',
    })
    const noTemplate = await rejectionOf(openapi.subscribeMessage.send({ touser: 'a', data }))
    expect(noTemplate).toMatchObject({ errCode: 40037 })
  })
})

describe('security.msgSecCheck', () => {
  const check = (content: string) =>
    openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid: 'oResident01' })

  it('passes ordinary content', async () => {
    const result = await check('周六上午小区花园有义卖活动，欢迎参加')
    expect(result).toEqual({
      result: { suggest: 'pass', label: 100 },
      detail: [expect.objectContaining({ strategy: 'content_model', suggest: 'pass', label: 100 })],
      traceId: expect.any(String),
      errMsg: 'openapi.security.msgSecCheck:ok',
      errCode: 0,
    })
  })

  it('flags a blocked word, ignoring case, with errcode 0 and suggest risky', async () => {
    const result = await check('This is FUCKing great')
    expect(result).toMatchObject({
      result: { suggest: 'risky', label: 20001 },
      errCode: 0,
      errMsg: 'openapi.security.msgSecCheck:ok',
    })
    expect(result.detail).toContainEqual(
      expect.objectContaining({ strategy: 'keyword', suggest: 'risky', keyword: 'fuck' }),
    )
  })

  it('uses the words set with setBlockedWords', async () => {
    openApi.setBlockedWords(['团购链接'])
    try {
      expect((await check('点这个团购链接')).result.suggest).toBe('risky')
      expect((await check('fuck')).result.suggest).toBe('pass')
    } finally {
      openApi.setBlockedWords([...DEFAULT_BLOCKED_WORDS])
    }
  })

  it('answers version 1 calls the version 1 way: errcode 87014 for risky content', async () => {
    const error = await rejectionOf(openapi.security.msgSecCheck({ content: 'fuck' }))
    expect(error).toMatchObject({
      errCode: 87014,
      errMsg: 'openapi.security.msgSecCheck:fail risky content',
    })
  })
})

describe('wxacode.getUnlimited', () => {
  it('answers a PNG QR code of page?scene=', async () => {
    const result = await openapi.wxacode.getUnlimited({
      scene: 'id=42',
      page: 'pages/notice/detail',
    })
    expect(result).toMatchObject({
      contentType: 'image/png',
      errCode: 0,
      errMsg: 'openapi.wxacode.getUnlimited:ok',
    })
    const png = result.buffer as Buffer
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    )

    // Module by module, the image is the QR code of the expected text (430 px, WeChat's default).
    const pixels = pngPixels(png)
    expect([pixels.width, pixels.height]).toEqual([430, 430])
    const { modules } = QRCode.create('pages/notice/detail?scene=id=42', {
      errorCorrectionLevel: 'M',
    })
    const scale = Math.floor(430 / (modules.size + 8))
    const origin = Math.floor((430 - (modules.size + 8) * scale) / 2) + 4 * scale
    for (let row = 0; row < modules.size; row++) {
      for (let column = 0; column < modules.size; column++) {
        const [red, , , alpha] = pixels.at(origin + column * scale + 1, origin + row * scale + 1)
        expect([row, column, red === 0 && alpha === 255]).toEqual([
          row,
          column,
          modules.get(row, column) === 1,
        ])
      }
    }
  })

  it('fails a scene over 32 characters with errCode 40169', async () => {
    const error = await rejectionOf(openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33) }))
    expect(error).toMatchObject({
      errCode: 40169,
      errMsg:
        'openapi.wxacode.getUnlimited:fail invalid length for scene, or the data is not json string',
    })
  })
})

describe('other openapi calls', () => {
  it('fails an API the local cloud does not emulate with errCode 48001 and a clear message', async () => {
    const error = await rejectionOf(openapi.customerServiceMessage.send({ touser: 'a' }))
    expect(error).toMatchObject({ errCode: 48001 })
    expect(error['errMsg']).toMatch(
      /^openapi\.customerServiceMessage\.send:fail api unauthorized: the local cloud does not emulate/,
    )
  })

  it('throws a TcbError for a request that is not a wx.openApi multipart body', () => {
    const context = { envName: 'test', requestId: 'r', baseUrl: server.url }
    expect(() => openApi.handle(Buffer.from('{}'), 'application/json', context)).toThrow(TcbError)
    expect(() =>
      openApi.handle(Buffer.from('junk'), 'multipart/form-data; boundary=b', context),
    ).toThrow(/malformed multipart body/)
  })
})

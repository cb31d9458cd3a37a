/**
 * The function runtime as SCF runs a WeChat cloud function: how its code is resolved, what
 * getWXContext() tells it about a client's call, and what happens to work it leaves running
 * after it answers. Each test names the production behaviour it pins and where it is documented.
 */
import * as path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { startLocalCloud, type LocalCloud } from '../../local-cloud/src'
import { clientAddress } from '../../local-cloud/src/http/clientAddress'

let cloud: LocalCloud

beforeAll(async () => {
  cloud = await startLocalCloud({
    dataDir: null,
    functionsDir: path.join(__dirname, 'fixtures/scf'),
  })
  cloud.store.createCollection('notices')
})
afterAll(() => cloud.close())
afterEach(() => jest.restoreAllMocks())

async function call(name: string, data: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${cloud.url}/callFunction`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'oUser1', ...headers },
    body: JSON.stringify({ name, data }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

/** Waits for something the runtime reports after an answer; jest's timeout bounds the wait. */
async function eventually<T>(read: () => T | undefined): Promise<T> {
  for (;;) {
    const value = read()
    if (value !== undefined) return value
    await sleep(10)
  }
}

describe('module resolution', () => {
  // SCF "Notes on Node.js" (https://tencentcloud.com/document/product/583/11060), built-in
  // environment variables: NODE_PATH is `/var/user:/var/user/node_modules:/var/lang/node16/lib/
  // node_modules:/opt:/opt/node_modules`, and the function's code is in /var/user (CloudBase
  // handbook, "云函数的模块知识": __dirname is /var/user). So `require('project/x/route.js')`
  // finds the function's own project/x/route.js, which CCMiniCloud's `mcloud` router relies on.
  it('finds a bare require in the function’s own folder, as NODE_PATH=/var/user does', async () => {
    const { status, body } = await call('framework', { project: 'demo', route: 'news/list' })
    expect(status).toBe(200)
    expect(body.result).toEqual({ handler: 'news_controller@list' })
  })
})

describe('getWXContext() of a client’s call', () => {
  // Cloud.getWXContext (https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/
  // utils/Cloud.getWXContext.md): CLIENTIP is "小程序客户端 IPv4 地址", CLIENTIPV6 its IPv6
  // address. Locally the client is whoever sent POST /callFunction.
  it('has CLIENTIP, the address the call came from', async () => {
    const { body } = await call('context', {})
    expect(body.result).toMatchObject({ OPENID: 'oUser1', CLIENTIP: '127.0.0.1' })
    expect(body.result).not.toHaveProperty('CLIENTIPV6')
  })

  it.each([
    ['127.0.0.1', { CLIENTIP: '127.0.0.1' }],
    ['::ffff:192.168.1.20', { CLIENTIP: '192.168.1.20' }],
    ['::1', { CLIENTIPV6: '::1' }],
    ['2001:db8::7', { CLIENTIPV6: '2001:db8::7' }],
    [undefined, {}],
  ])('reports %s as %j (an IPv4 client reached over IPv6 is still IPv4)', (remote, context) => {
    expect(clientAddress(remote)).toEqual(context)
  })

  // Same page: UNIONID is there "小程序端调用云函数，并且满足 unionid 获取条件时". Locally the
  // condition is the dev-only X-WX-UNIONID header, named like the header the cloud hosting
  // container receives (https://developers.weixin.qq.com/minigame/dev/wxcloud/guide/container/
  // wxinfo.md: X-WX-UNIONID).
  it('has UNIONID when the call names one with X-WX-UNIONID, and none otherwise', async () => {
    const withUnion = await call('context', {}, { 'x-wx-unionid': 'uUnion1' })
    expect(withUnion.body.result).toMatchObject({ OPENID: 'oUser1', UNIONID: 'uUnion1' })
    const without = await call('context', {})
    expect(without.body.result).not.toHaveProperty('UNIONID')
  })

  it('refuses a malformed X-WX-UNIONID as it refuses a malformed openid', async () => {
    const { status, body } = await call('context', {}, { 'x-wx-unionid': 'not a union id!' })
    expect(status).toBe(400)
    expect(body.errMsg).toMatch(/^cloud\.callFunction:fail .*X-WX-UNIONID/)
  })
})

describe('work a function leaves running after it answers', () => {
  // SCF "开发方法" (https://cloud.tencent.com/document/product/583/67790), 异步处理程序: "如果您的
  // Node.js 函数中包含异步任务，须返回一个 promise 以确保该异步任务在当次调用执行". An instance
  // may be frozen as soon as it answers, so a write not awaited may never happen in the cloud.
  // Here the write still happens (no freezing), so the runtime says so loudly instead.
  it('warns, naming the function and the write, when a write outlives the answer', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const awaited = await call('unawaited', { title: 'awaited', await: true })
    const left = await call('unawaited', { title: 'left running', await: false })
    expect(left.status).toBe(200)
    const record = (requestId: string) =>
      cloud.runtime.recent.find((invocation) => invocation.requestId === requestId)
    const late = await eventually(() => record(left.body.requestID)?.lateWork?.[0])
    expect(late).toContain('database.insertDocument')
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unawaited.*database\.insertDocument/s))
    // The awaited write was over before the answer: nothing to report for that call.
    expect(record(awaited.body.requestID)?.lateWork).toEqual([])
    const dashboard = await (await fetch(cloud.url)).text()
    expect(dashboard).toContain('云端可能不会执行：database.insertDocument on notices')
  })
})

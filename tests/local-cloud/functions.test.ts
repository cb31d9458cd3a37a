/** The function runtime and the client endpoint `POST /callFunction`. */
import * as path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../local-cloud/src'

let cloud: LocalCloud

beforeAll(async () => {
  cloud = await startLocalCloud({
    dataDir: null,
    functionsDir: path.join(__dirname, 'fixtures/functions'),
    functionEnv: { whoami: { JL_SECRET: 'from-config' } },
  })
})
afterAll(() => cloud.close())

async function call(body: unknown, headers: Record<string, string> = { 'x-wx-openid': 'oUser1' }) {
  const response = await fetch(`${cloud.url}/callFunction`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

describe('POST /callFunction', () => {
  it('answers the shape of wx.cloud.callFunction, with the caller from X-WX-OPENID', async () => {
    const { status, body } = await call({ name: 'whoami', data: {} })
    expect(status).toBe(200)
    expect(body).toMatchObject({
      result: { openid: 'oUser1', source: 'wx_client' },
      requestID: expect.any(String),
    })
    expect(body.result.appid).toBe('wxlocalcloud000000')
  })

  it('gives each of many concurrent callers their own OPENID', async () => {
    const users = Array.from({ length: 24 }, (_unused, i) => `oUser${i}`)
    const answers = await Promise.all(
      users.map((openid, i) =>
        call({ name: 'whoami', data: { pauseMs: (i % 5) * 10 } }, { 'x-wx-openid': openid }),
      ),
    )
    answers.forEach((answer, i) => {
      expect(answer.body.result.before).toBe(users[i])
      expect(answer.body.result.openid).toBe(users[i])
    })
  })

  it('reuses warm instances between calls', async () => {
    const first = await call({ name: 'whoami', data: {} })
    const second = await call({ name: 'whoami', data: {} })
    expect(second.body.result.invocations).toBeGreaterThan(1)
    expect(first.body.result.invocations).toBeGreaterThanOrEqual(1)
  })

  it('passes the function’s configured environment variables', async () => {
    expect((await call({ name: 'whoami', data: {} })).body.result.secret).toBe('from-config')
  })

  it('lets a function call another through cloud.callFunction, with no user attached', async () => {
    const { body } = await call({ name: 'whoami', data: { callHealth: true } })
    expect(body.result.nested.source).toBe('wx_function')
    expect(body.result.nested).not.toHaveProperty('openid')
  })

  it('does not count a cold start against the timeout, as the cloud does not', async () => {
    const { status, body } = await call({ name: 'slowstart', data: {} })
    expect(status).toBe(200)
    expect(body.result).toEqual({ warm: true })
  })

  it('stops a function at its configured timeout and keeps serving', async () => {
    const started = Date.now()
    const { status, body } = await call({ name: 'slow', data: {} })
    expect(status).toBe(500)
    expect(body.errMsg).toContain('timed out after 1 seconds')
    expect(Date.now() - started).toBeLessThan(2500)
    expect((await call({ name: 'whoami', data: {} })).status).toBe(200)
  })

  it('reports a function that throws as a failed call', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const { status, body } = await call({ name: 'crash', data: {} })
    expect(status).toBe(500)
    expect(body.errMsg).toContain('crashed on purpose')
  })

  it.each([
    ['a missing X-WX-OPENID header', { name: 'whoami' }, {}, 400],
    ['a malformed openid', { name: 'whoami' }, { 'x-wx-openid': 'bad id!' }, 400],
    ['bad JSON', '{"name":', { 'x-wx-openid': 'o1' }, 400],
    ['no function name', { data: {} }, { 'x-wx-openid': 'o1' }, 400],
    ['an unknown function', { name: 'nope' }, { 'x-wx-openid': 'o1' }, 404],
    ['a path in the name', { name: '../whoami' }, { 'x-wx-openid': 'o1' }, 404],
  ])('answers %s with a clear 4xx', async (_label, body, headers, status) => {
    const answer = await call(body, headers as Record<string, string>)
    expect(answer.status).toBe(status)
    expect(answer.body.errMsg).toMatch(/^cloud\.callFunction:fail \S/)
  })

  it('refuses a payload over 6 MB', async () => {
    const answer = await call({ name: 'whoami', data: { blob: 'x'.repeat(6 * 1024 * 1024) } })
    expect(answer.status).toBe(413)
  })

  it('records recent invocations with their latency for the dashboard', async () => {
    await call({ name: 'whoami', data: { action: 'ping' } })
    const last = cloud.runtime.recent.at(-1)!
    expect(last).toMatchObject({
      functionName: 'whoami',
      action: 'ping',
      openid: 'oUser1',
      ok: true,
    })
    expect(last.durationMs).toBeGreaterThan(0)
  })
})

describe('the admin endpoint under bad input', () => {
  const post = async (body: string, contentType = 'application/json') => {
    const response = await fetch(`${cloud.url}/admin?env=local`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  it.each([
    ['bad JSON', '{"action":', 'INVALID_PARAM'],
    ['a JSON array', '[1,2]', 'INVALID_PARAM'],
    ['an unknown action', JSON.stringify({ action: 'database.dropEverything' }), 'INVALID_ACTION'],
    ['an inherited name as action', JSON.stringify({ action: 'constructor' }), 'INVALID_ACTION'],
    [
      'invalid EJSON in a query',
      JSON.stringify({
        action: 'database.getDocument',
        collectionName: 'c',
        queryType: 'WHERE',
        query: '{"a":{"$numberInt":"x"}}',
        limit: 1,
      }),
      'DATABASE_COLLECTION_NOT_EXIST',
    ],
  ])('answers %s with a code and keeps serving', async (_label, body, code) => {
    const answer = await post(body)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      code,
      message: expect.any(String),
      requestId: expect.any(String),
    })
  })

  it('rejects invalid EJSON in an existing collection', async () => {
    cloud.store.createCollection('ejson_check')
    const answer = await post(
      JSON.stringify({
        action: 'database.getDocument',
        collectionName: 'ejson_check',
        queryType: 'WHERE',
        query: '{"a":',
        limit: 1,
      }),
    )
    expect(answer.body).toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('invalid EJSON'),
    })
  })

  it('refuses an oversized request', async () => {
    const answer = await post(
      JSON.stringify({ action: 'database.insertDocument', blob: 'x'.repeat(21 * 1024 * 1024) }),
    )
    expect(answer.body).toMatchObject({ code: 'INVALID_PARAM' })
  })

  it('shows the dashboard', async () => {
    const html = await (await fetch(cloud.url + '/?collection=ejson_check')).text()
    expect(html).toContain('本地云')
    expect(html).toContain('ejson_check')
    expect(html).toContain('whoami')
  })
})

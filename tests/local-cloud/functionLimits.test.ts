/**
 * What a function may be sent and may answer: an event over the limits is refused at the door, and
 * an event or a result that cannot travel to or from an instance fails its own call and no other.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { startLocalCloud, type LocalCloud } from '../../local-cloud/src'
import { EVENT_DEPTH_LIMIT } from '../../local-cloud/src/functions/eventLimits'
import { loadWxServerSdk, rejectionOf, type WxServerSdk } from './support/wxServerSdk'

let cloud: LocalCloud
let sdk: WxServerSdk

beforeAll(async () => {
  cloud = await startLocalCloud({
    dataDir: null,
    functionsDir: path.join(__dirname, 'fixtures/functions'),
  })
  sdk = loadWxServerSdk(cloud.sdkEnv)
})
afterAll(() => cloud.close())

/** `{"a":{"a":…{}}}`, `levels` objects deep. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {}
  for (let level = 1; level < levels; level += 1) value = { a: value }
  return value
}

async function call(name: string, data: unknown) {
  const response = await fetch(`${cloud.url}/callFunction`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'oUser1' },
    body: JSON.stringify({ name, data }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

/** How `cloud.callFunction` fails in a function (there it goes through invokeFunction). */
function sdkCallRefusal(data: Record<string, unknown>) {
  // Typed `void | Promise` for its callback form; without a callback it is a promise.
  return rejectionOf(sdk.callFunction({ name: 'gated', data }) as Promise<unknown>)
}

const DEPTH_REFUSAL = `INVALID_PARAM the event is nested deeper than ${EVENT_DEPTH_LIMIT} levels`

describe('an event over the limits', () => {
  it('is refused by POST /callFunction, and the warm instance keeps serving', async () => {
    const before = (await call('gated', {})).body.result.invocations
    const refused = await call('gated', nested(4000))
    expect(refused.status).toBe(400)
    expect(refused.body).toEqual({
      errCode: -1,
      errMsg: `cloud.callFunction:fail ${DEPTH_REFUSAL}`,
    })
    // The refused event never reached an instance: the next call runs on the same warm one.
    expect((await call('gated', {})).body.result.invocations).toBe(before + 1)
  })

  it('is refused at one level past the limit, and accepted at the limit', async () => {
    expect((await call('gated', nested(EVENT_DEPTH_LIMIT))).status).toBe(200)
    expect((await call('gated', nested(EVENT_DEPTH_LIMIT + 1))).status).toBe(400)
    expect((await call('gated', [nested(EVENT_DEPTH_LIMIT)])).status).toBe(400)
  })

  it('is refused without a stack overflow however deep it is', async () => {
    const levels = 100_000
    const response = await fetch(`${cloud.url}/callFunction`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'oUser1' },
      body: `{"name":"gated","data":${'['.repeat(levels)}${']'.repeat(levels)}}`,
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errMsg: string }).errMsg).toContain(DEPTH_REFUSAL)
  })

  // The SDK's shape of any failed call (a function that throws gives FUNCTIONS_EXECUTE_FAIL).
  it('is refused to a function calling another (invokeFunction), with INVALID_PARAM', async () => {
    const error = await sdkCallRefusal(nested(4000))
    expect(error).toMatchObject({
      code: 'INVALID_PARAM',
      errCode: -1,
      errMsg: `callFunction:fail the event is nested deeper than ${EVENT_DEPTH_LIMIT} levels`,
    })
  })

  it('is refused to invokeFunction over 6 MB, as the cloud refuses it', async () => {
    const blob = 'x'.repeat(6 * 1024 * 1024)
    const error = await sdkCallRefusal({ blob })
    expect(error).toMatchObject({
      code: 'INVALID_PARAM',
      errMsg: 'callFunction:fail the event is larger than 6 MB',
    })
  })

  it('is refused to an in-process caller too', async () => {
    await expect(cloud.callFunction('gated', nested(4000), 'oUser1')).rejects.toThrow(
      `the event is nested deeper than ${EVENT_DEPTH_LIMIT} levels`,
    )
  })
})

describe('a call that fails to reach its instance', () => {
  let gate: string

  beforeEach(() => {
    gate = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-gate-'))
  })
  afterEach(() => {
    jest.useRealTimers()
    fs.rmSync(gate, { recursive: true, force: true })
  })

  async function untilStarted(): Promise<void> {
    while (!fs.existsSync(path.join(gate, 'started'))) await sleep(5)
  }

  it.each([
    [
      'a deep event through POST /callFunction',
      async () => (await call('gated', nested(4000))).body,
    ],
    [
      'an event that cannot be copied to an instance',
      () => rejectionOf(cloud.callFunction('gated', { onTap: () => undefined }, 'oUser1')),
    ],
  ])(
    'fails alone: %s leaves no timeout behind to stop the next call on its instance',
    async (_label, badCall) => {
      await call('gated', {}) // one warm instance, which the next two calls both get
      // Only the runtime's timeouts are faked: they fire when the test says, not after seconds.
      jest.useFakeTimers({
        doNotFake: [
          'Date',
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
        ],
      })
      const refused = (await badCall()) as Record<string, unknown>
      const timeoutMs = 3000 // gated's config.json
      jest.advanceTimersByTime(timeoutMs / 2)
      const slow = cloud.callFunction('gated', { gate }, 'oUser2')
      await untilStarted()
      // The failed call's deadline passes while the slow call runs on the same instance; the pause
      // gives a stopped instance time to exit before the slow call could answer.
      jest.advanceTimersByTime(timeoutMs / 2 + 1)
      await sleep(50)
      fs.writeFileSync(path.join(gate, 'open'), '')
      await expect(slow).resolves.toEqual({ invocations: expect.any(Number) })
      expect(String(refused['errMsg'] ?? refused['message'])).toContain('the event')
    },
  )
})

describe('a result that cannot travel back', () => {
  beforeEach(() => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
  })
  afterEach(() => jest.restoreAllMocks())

  it.each([
    ['a function value', { kind: 'function' }],
    ['an object 5,000 levels deep', { kind: 'deep', depth: 5000 }],
    ['an object 50,000 levels deep', { kind: 'deep', depth: 50_000 }],
  ])('fails only its own call: %s', async (_label, event) => {
    const before = (await call('badresult', {})).body.result.invocations
    const bad = await call('badresult', event)
    expect(bad.status).toBe(500)
    expect(bad.body.errMsg).toMatch(
      /^cloud\.callFunction:fail FUNCTIONS_EXECUTE_FAIL the function's return value cannot be (sent back|received): \S/,
    )
    // The instance that failed to answer still serves, warm: nothing replaced it.
    expect((await call('badresult', {})).body.result.invocations).toBe(before + 2)
  })

  it('fails only its own call: a thrown value that cannot be shown as text', async () => {
    const before = (await call('badresult', {})).body.result.invocations
    const bad = await call('badresult', { kind: 'throwBare' })
    expect(bad.status).toBe(500)
    expect(bad.body.errMsg).toBe(
      'cloud.callFunction:fail FUNCTIONS_EXECUTE_FAIL the function threw a value that cannot be shown as text',
    )
    expect((await call('badresult', {})).body.result.invocations).toBe(before + 2)
  })
})

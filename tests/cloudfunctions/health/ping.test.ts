/**
 * The built, deployable health function with the real wx-server-sdk: what the cloud runs.
 * getWXContext() reads the caller from the environment the runtime sets (WX_CONTEXT_KEYS).
 */
import * as path from 'node:path'
import { startTestCloud } from '../../local-cloud/support/testCloud'

const bundle = path.resolve(__dirname, '../../../dist/cloudfunctions/health/index.js')

function withCaller(openid: string | undefined): void {
  process.env['WX_CONTEXT_KEYS'] = 'WX_OPENID,WX_APPID'
  process.env['WX_APPID'] = 'wxdemo'
  if (openid === undefined) delete process.env['WX_OPENID']
  else process.env['WX_OPENID'] = openid
}

describe('health.ping (built bundle)', () => {
  const { main } = require(bundle) as {
    main: (event: unknown, context: unknown) => Promise<unknown>
  }

  it('answers the caller’s openid and the server time in UTC and in Shanghai', async () => {
    withCaller('oResident01')
    const before = Date.now()
    const result = (await main({ action: 'ping' }, {})) as {
      ok: true
      data: { openid: string; serverTime: string; serverTimeShanghai: string }
    }
    expect(result.ok).toBe(true)
    expect(result.data.openid).toBe('oResident01')
    const serverTime = Date.parse(result.data.serverTime)
    expect(serverTime).toBeGreaterThanOrEqual(before - 1000)
    expect(serverTime).toBeLessThanOrEqual(Date.now() + 1000)
    const shanghai = new Date(serverTime + 8 * 3600 * 1000)
      .toISOString()
      .replace('T', ' ')
      .slice(0, 19)
    expect(result.data.serverTimeShanghai).toBe(shanghai)
  })

  it('answers a timer or console call without a user, with a null openid', async () => {
    withCaller(undefined)
    const result = await main({ action: 'ping' }, {})
    expect(result).toMatchObject({ ok: true, data: { openid: null } })
  })

  it('rejects input ping does not take', async () => {
    withCaller('oResident01')
    const result = await main({ action: 'ping', verbose: true }, {})
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '不支持的字段：verbose' },
    })
  })
})

describe('health.ping on the local cloud', () => {
  it('answers each caller with their own openid through the function runtime', async () => {
    const t = await startTestCloud()
    try {
      const [a, b] = await Promise.all([
        t.cloud.callFunction('health', { action: 'ping' }, 'oNeighbourA'),
        t.cloud.callFunction('health', { action: 'ping' }, 'oNeighbourB'),
      ])
      expect(a).toMatchObject({ ok: true, data: { openid: 'oNeighbourA' } })
      expect(b).toMatchObject({ ok: true, data: { openid: 'oNeighbourB' } })
    } finally {
      await t.cloud.close()
    }
  })
})

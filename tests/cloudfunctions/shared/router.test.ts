import { z } from 'zod'
import type { Cloud } from '../../../cloudfunctions/shared/cloud'
import { AppError } from '../../../cloudfunctions/shared/errors'
import type { Policy } from '../../../cloudfunctions/shared/policy'
import { createRouter, defineAction, type ActionMap } from '../../../cloudfunctions/shared/router'
import { input, text } from '../../../cloudfunctions/shared/validation'

function fakeCloud(openid: string | undefined): Cloud {
  return {
    database: () => {
      throw new Error('no database in router tests')
    },
    wxContext: () => ({ OPENID: openid, APPID: 'wxapp' }),
    sdk: {} as Cloud['sdk'],
  }
}

const seen: Array<{ input: unknown; openid: string | null }> = []
const actions = {
  echo: defineAction({
    input: input({ title: text('标题', { max: 10 }) }),
    async run(input, context) {
      seen.push({ input, openid: context.openid })
      return { title: input.title, by: context.openid }
    },
  }),
  explode: defineAction({
    input: input({}),
    async run() {
      throw new Error('database exploded at /srv/secret/path.js:12')
    },
  }),
  refuse: defineAction({
    input: input({}),
    async run() {
      throw new AppError('PERMISSION_DENIED', '只有楼栋长可以登记收款')
    },
  }),
  nightly: defineAction({
    caller: 'timer',
    input: input({}),
    async run(_input, context) {
      return { openid: context.openid }
    },
  }),
}

// The router is typed by typings/; these test-only actions are not part of the contract.
const policy = {
  echo: { allow: ['user'] },
  explode: { allow: ['user'] },
  refuse: { allow: ['user'] },
  nightly: { allow: ['timer'] },
} as unknown as Policy<'health'>
const routerFor = (openid: string | undefined) =>
  createRouter('health', actions as unknown as ActionMap<'health'>, policy, {
    cloud: () => fakeCloud(openid),
  })

beforeEach(() => {
  seen.length = 0
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => jest.restoreAllMocks())

describe('router', () => {
  it('dispatches to the named action with its validated input and the caller from getWXContext', async () => {
    const result = await routerFor('oResident')({ action: 'echo', title: '  楼道灯坏了  ' })
    expect(result).toEqual({ ok: true, data: { title: '楼道灯坏了', by: 'oResident' } })
    expect(seen).toEqual([{ input: { title: '楼道灯坏了' }, openid: 'oResident' }])
  })

  it('never takes identity from the event: userInfo and openid fields are not trusted', async () => {
    const spoofed = await routerFor('oReal')({
      action: 'echo',
      title: '你好',
      userInfo: { openId: 'oSpoofed', appId: 'wxapp' },
    })
    expect(spoofed).toEqual({ ok: true, data: { title: '你好', by: 'oReal' } })

    const extraField = await routerFor('oReal')({
      action: 'echo',
      title: '你好',
      openid: 'oSpoofed',
    })
    expect(extraField).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(seen).toHaveLength(1)
  })

  it.each([
    ['a string', 'ping'],
    ['null', null],
    ['an array', [{ action: 'echo' }]],
    ['a number', 42],
  ])('answers INVALID_ARGUMENT in Chinese for an event that is %s', async (_label, event) => {
    const result = await routerFor('o1')(event)
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请求格式不正确' },
    })
  })

  it('answers INVALID_ARGUMENT for a missing action', async () => {
    const result = await routerFor('o1')({ title: 'x' })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: '请求缺少要执行的操作',
        details: [{ field: 'action' }],
      },
    })
  })

  it.each(['nope', 'toString', '__proto__', 'constructor'])(
    'answers INVALID_ARGUMENT for the unknown action %s',
    async (name) => {
      const result = await routerFor('o1')({ action: name })
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: '不支持这项操作' },
      })
    },
  )

  it('rejects bad input with every bad field named and runs nothing', async () => {
    const result = await routerFor('o1')({
      action: 'echo',
      title: '这个标题实在是太长了超过十个字',
      color: 'red',
    })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: '标题最多 10 个字',
        details: [
          { field: 'title', message: '标题最多 10 个字' },
          { field: '', message: '不支持的字段：color' },
        ],
      },
    })
    expect(seen).toHaveLength(0)
  })

  it('passes an expected failure through as it is', async () => {
    const result = await routerFor('o1')({ action: 'refuse' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'PERMISSION_DENIED', message: '只有楼栋长可以登记收款' },
    })
  })

  it('turns an unexpected error into INTERNAL with a generic message, logging the stack on the server only', async () => {
    const result = await routerFor('o1')({ action: 'explode' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
    })
    expect(JSON.stringify(result)).not.toContain('secret')
    expect(console.error).toHaveBeenCalledWith('[health] unexpected error', expect.any(Error))
  })

  it('asks for sign-in when no WeChat user is calling a user action', async () => {
    const result = await routerFor(undefined)({ action: 'echo', title: '你好' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请先登录微信后再试' },
    })
  })

  it('runs a timer action from its trigger and refuses it to users', async () => {
    const fromTimer = await routerFor(undefined)({
      Type: 'Timer',
      TriggerName: 'nightly',
      Time: '2026-11-26T00:00:00Z',
    })
    expect(fromTimer).toEqual({ ok: true, data: { openid: null } })

    const fromUser = await routerFor('oResident')({ action: 'nightly' })
    expect(fromUser).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
  })

  it('uses zod’s Chinese messages where a field helper did not word one', async () => {
    const schemaOnly = {
      shape: defineAction({ input: input({ n: z.number() }), run: async () => 1 }),
    }
    const shapePolicy = { shape: { allow: ['user'] } } as unknown as Policy<'health'>
    const router = createRouter(
      'health',
      schemaOnly as unknown as ActionMap<'health'>,
      shapePolicy,
      {
        cloud: () => fakeCloud('o1'),
      },
    )
    const result = await router({ action: 'shape', n: 'one' })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', details: [{ field: 'n' }] },
    })
    expect((result as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fa5]/)
  })
})

describe('router configuration check', () => {
  it('names the missing configuration instead of running the action', async () => {
    const router = createRouter('health', actions as unknown as ActionMap<'health'>, policy, {
      cloud: () => fakeCloud('o1'),
      requiredEnv: ['JINLIN_TEST_REQUIRED_TEMPLATE'],
    })
    const result = await router({ action: 'echo', title: '你好' })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: '服务配置不完整（缺少 JINLIN_TEST_REQUIRED_TEMPLATE），请联系社区管理员',
      },
    })
    expect(console.error).toHaveBeenCalledWith(
      expect.stringContaining('configuration missing: JINLIN_TEST_REQUIRED_TEMPLATE'),
    )
    process.env['JINLIN_TEST_REQUIRED_TEMPLATE'] = 'TPL-1'
    expect(await router({ action: 'echo', title: '你好' })).toMatchObject({ ok: true })
    delete process.env['JINLIN_TEST_REQUIRED_TEMPLATE']
  })
})

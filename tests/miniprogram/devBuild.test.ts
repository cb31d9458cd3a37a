/**
 * What `npm start` builds: a development mini-program whose calls go to the local cloud over
 * HTTP (`wx.request` to /callFunction, as the demo user chosen on the phone), never wx.cloud.
 */
import * as fs from 'node:fs'
import * as http from 'node:http'
import * as path from 'node:path'
import { execFileSync } from 'node:child_process'
import { DEMO_USERS } from '../../scripts/demo/users'
import {
  startCommunityCloud,
  type CommunityCloud,
} from '../cloudfunctions/community/communityCloud'
import { renderFrom } from './support/miniprogram'
import { waitForText } from './support/liveCloud'

let cloud: CommunityCloud
// Inside the repository, so that the pages' requires of dayjs resolve as in dist/miniprogram.
const devDir = path.resolve(__dirname, '../../dist/dev-build-test/miniprogram')
const wx = () =>
  (
    globalThis as unknown as {
      wx: Record<string, jest.Mock> & { cloud: { callFunction: jest.Mock } }
    }
  ).wx

/** wx.request as the phone does it, over real HTTP to the local cloud. */
function realRequest(options: {
  url: string
  method: string
  header: Record<string, string>
  data: unknown
  success(r: { statusCode: number; data: unknown }): void
  fail(e: { errMsg: string }): void
}) {
  const body = JSON.stringify(options.data)
  const request = http.request(
    options.url,
    {
      method: options.method,
      headers: { ...options.header, 'content-length': Buffer.byteLength(body) },
    },
    (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () =>
        options.success({ statusCode: response.statusCode ?? 0, data: JSON.parse(text) }),
      )
    },
  )
  request.on('error', (error) => options.fail({ errMsg: error.message }))
  request.end(body)
}

beforeAll(async () => {
  cloud = await startCommunityCloud()
  // esbuild cannot run inside jsdom: the build runs as `npm run build:dev` would.
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/buildDev.ts', '--url', cloud.cloud.url, '--out', devDir],
    { cwd: path.resolve(__dirname, '../..') },
  )
}, 60_000)
afterAll(async () => {
  await cloud.cloud.close()
  fs.rmSync(path.dirname(devDir), { recursive: true, force: true })
})

beforeEach(() => {
  wx()['request'] = jest.fn(realRequest)
})

describe('development build', () => {
  it('calls the local cloud as the first demo user until another is chosen', async () => {
    const page = renderFrom(devDir, 'pages/me/index')
    ;(page.instance as unknown as { onShow(): void }).onShow()
    await waitForText(page, '社区管理 · 鹤峰社区')
    expect(page.dom!.textContent).toContain('开发：切换演示用户')
    expect(wx().cloud.callFunction).not.toHaveBeenCalled()
    expect(wx()['request']).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `${cloud.cloud.url}/callFunction`,
        header: expect.objectContaining({ 'X-WX-OPENID': 'demo-staff-hefeng' }),
      }),
    )
  })

  it('acts as the demo user picked in the switcher', async () => {
    const switcher = renderFrom(devDir, 'subpackages/about/dev-users/index')
    const users = (switcher.instance as unknown as { data: { users: unknown[] } }).data.users
    expect(users).toHaveLength(DEMO_USERS.length)
    switcher
      .querySelector('.user-demo-resident-huang')!
      .querySelector('.van-cell')!
      .dispatchEvent('tap')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(wx()['reLaunch']).toHaveBeenCalledWith({ url: '/pages/me/index' })

    const page = renderFrom(devDir, 'pages/me/index')
    ;(page.instance as unknown as { onShow(): void }).onShow()
    await waitForText(page, '鹤峰社区 继光花苑 3号楼 301')
  })
})

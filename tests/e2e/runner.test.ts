/**
 * What the runner itself promises: a share card that another user opens, the user switcher, the
 * page stack with the navigation bar, and loud failure for a wx API it lacks.
 */
import { see, shot, startE2eApp, tapText, top, type E2eApp } from './support/app'

let app: E2eApp
beforeAll(async () => {
  app = await startE2eApp('runner')
}, 120_000)
afterAll(() => app?.close())

it('shares a page as a card that another user opens', async () => {
  const page = await app.openAs('demo-resident-huang')
  await page.locator('.jl-capsule-menu').click()
  await page.getByText('转发给朋友').click()
  const sheet = page.locator('.jl-share-sheet')
  await sheet.getByText('近邻：人人参与治理、人人服务社区').waitFor()
  expect(await sheet.locator('.jl-share-path').innerText()).toBe('/pages/home/index')
  await shot(page, 'runner-share')
  await sheet.locator('.jl-share-user').selectOption('demo-staff-hefeng')
  await sheet.locator('.jl-share-open-button').click()
  await page.locator('.jl-user-current[data-openid="demo-staff-hefeng"]').waitFor()
  expect(new URL(page.url()).searchParams.get('user')).toBe('demo-staff-hefeng')
  await page.locator('.jl-tab', { hasText: '我的' }).click()
  await see(page, '林晓红')
})

it('switches users from the panel, each with a phone (storage) of their own', async () => {
  const page = await app.openAs('demo-resident-huang', '/pages/me/index')
  await see(page, '黄大伯')
  await page.locator('.jl-user[data-openid="demo-head-jiguang-3"]').click()
  await see(page, '陈建国')
  await see(page, '楼栋管理 · ')
  const storage = await page.evaluate(() =>
    Object.keys((globalThis as unknown as { localStorage: object }).localStorage).filter((k) =>
      k.includes('jl.dev.openid'),
    ),
  )
  expect(storage.sort()).toEqual([
    'wx-runner:demo-head-jiguang-3:jl.dev.openid',
    'wx-runner:demo-resident-huang:jl.dev.openid',
  ])
})

it('keeps a page stack under the navigation bar, and back returns', async () => {
  const page = await app.openAs('demo-resident-huang', '/pages/corridor/index')
  await expectTitle(page, '睦邻楼道')
  await tapText(page, '社区楼道排行')
  await page.locator('.jl-nav-back').waitFor()
  expect(await page.locator('.jl-page-frame').count()).toBe(2)
  await expect(page.locator('.jl-tabbar').isHidden()).resolves.toBe(true)
  await page.locator('.jl-nav-back').click()
  await expectTitle(page, '睦邻楼道')
  expect(await page.locator('.jl-page-frame').count()).toBe(1)
  await expect(page.locator('.jl-tabbar').isVisible()).resolves.toBe(true)
})

it('fails loudly, naming the API, when the app calls one the runner lacks', async () => {
  const page = await app.openAs('demo-resident-huang')
  const error = await page.evaluate(async () => {
    const wx = (globalThis as unknown as { wx: Record<string, (o?: object) => Promise<unknown>> })
      .wx
    return wx['getLocation']!().catch((e: { errMsg: string }) => e.errMsg)
  })
  expect(error).toBe('getLocation:fail the web runner has no wx.getLocation')
  await top(page)
    .page()
    .locator('.jl-problem', { hasText: '网页运行器没有 wx.getLocation' })
    .waitFor()
  expect(await page.locator('.jl-panel-problems').innerText()).toContain('wx.getLocation')
})

async function expectTitle(page: Parameters<typeof see>[0], title: string): Promise<void> {
  await page.locator('.jl-nav-title', { hasText: title }).waitFor()
}

/**
 * 近邻志愿 pages for volunteers, against the real functions and the demo: the tab's open
 * projects, the project page as the landing page of a shared card and of a QR code (a first-time
 * user agrees to the privacy notice and signs up without leaving it), my signups and records.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { MINIPROGRAM_DIST, render, settle, tap, type Rendered } from '../../support/miniprogram'
import { startLiveCloud, until, waitForText, type LiveCloud } from '../../support/liveCloud'

// The QR codes the local cloud draws need TextEncoder, which jsdom leaves out.
;(globalThis as Record<string, unknown>)['TextEncoder'] ??= require('node:util').TextEncoder

let live: LiveCloud
beforeAll(async () => {
  live = await startLiveCloud()
}, 30_000)
afterAll(() => live.cloud.cloud.close())

const wx = () => (globalThis as unknown as { wx: Record<string, jest.Mock> }).wx
type Page = Rendered & { instance: Record<string, (...args: any[]) => any> }
const open = (page: string) => render(page) as Page

const MEMBER = 'demo-volunteer-zhou'
const STAFF = 'demo-staff-jinxi'
const TUTORING = 'vpdemo000000000001'
const PATROL = 'vpdemo000000000002'

describe('the 志愿 tab', () => {
  it('lists the open projects soonest first, with their phase and places', async () => {
    live.actAs(MEMBER)
    const page = open('pages/volunteers/index')
    page.instance.onShow()
    await waitForText(page, '金涵小区夜间巡逻')
    const text = page.dom!.textContent!
    expect(text).toContain('寒假课业辅导')
    expect(text).toContain('报名中')
    expect(text).toContain('已报名 2/8')
    expect(text.indexOf('金涵小区夜间巡逻')).toBeLessThan(text.indexOf('寒假课业辅导'))
    // The past demo projects are not open.
    expect(text).not.toContain('理论宣讲进楼道')
    expect(text).not.toContain('建设中')
    expect(page.querySelector('.entry-dashboard')).toBeFalsy()

    page.querySelectorAll('.project-card')[0]!.dispatchEvent('tap')
    await settle()
    expect(wx()['navigateTo']).toHaveBeenCalledWith({
      url: `/subpackages/volunteers/project/index?id=${PATROL}`,
    })
  })

  it('gives staff the party branch’s entries', async () => {
    live.actAs(STAFF)
    const page = open('pages/volunteers/index')
    page.instance.onShow()
    await waitForText(page, '党支部工作')
    page.querySelector('.entry-dashboard')!.querySelector('.van-cell')!.dispatchEvent('tap')
    await settle()
    expect(wx()['navigateTo']).toHaveBeenCalledWith({
      url: '/subpackages/volunteers/dashboard/index?communityId=c-jinxi',
    })
  })
})

describe('the project page', () => {
  it('is where a shared card leads: its path opens this page with the project', async () => {
    live.actAs(MEMBER)
    const page = open('subpackages/volunteers/project/index')
    await page.instance.onLoad({ id: TUTORING })
    await waitForText(page, '寒假课业辅导')
    const share = page.instance.onShareAppMessage()
    expect(share).toEqual({
      title: '邀您一起做志愿：寒假课业辅导',
      path: `/subpackages/volunteers/project/index?id=${TUTORING}`,
    })
    // The path names a page of the app, and its query is what the page reads.
    const [pagePath, query] = share.path.slice(1).split('?')
    const app = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_DIST, 'app.json'), 'utf8'))
    const pages = app.subpackages.flatMap((s: { root: string; pages: string[] }) =>
      s.pages.map((p) => `${s.root}/${p}`),
    )
    expect(pages).toContain(pagePath)
    const landed = open(pagePath!)
    await landed.instance.onLoad(Object.fromEntries(new URLSearchParams(query)))
    await waitForText(landed, '寒假课业辅导')
    expect(landed.dom!.textContent).toContain('已报名')
    expect(landed.dom!.textContent).toContain('郑**')
  })

  it('welcomes a first-time user from a QR code: privacy notice, then signup, on the same page', async () => {
    // The poster's code, as the function makes it.
    const qr = (await live.cloud.cloud.callFunction(
      'volunteers',
      { action: 'projectQr', projectId: TUTORING },
      STAFF,
    )) as { ok: true; data: { scene: string } }
    expect(qr.data.scene).toBe(`p=${TUTORING}`)

    live.actAs('test-first-time-volunteer')
    const page = open('subpackages/volunteers/project/index')
    // WeChat hands the scene over URL-encoded.
    await page.instance.onLoad({ scene: encodeURIComponent(qr.data.scene) })
    await waitForText(page, '我要报名')
    page.instance.setData({ name: '林小梅' })
    await tap(page, '.signup')

    // Nothing personal was sent before consent: the popup asks first.
    await waitForText(page, '请先阅读《隐私保护指引》')
    expect(
      live.cloud.cloud.store.find('volunteerSignups', {
        filter: { openid: 'test-first-time-volunteer' },
      }),
    ).toEqual([])

    await tap(page, '.privacy-consent', '.consent-agree')
    await waitForText(page, '取消报名')
    expect(wx()['showToast']).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' }))
    expect(page.dom!.textContent).toContain('已报名 3 / 8 人')
    expect(wx()['navigateTo']).not.toHaveBeenCalled()
    expect(
      live.cloud.cloud.store.getById('volunteerSignups', `${TUTORING}_test-first-time-volunteer`),
    ).toMatchObject({ status: 'confirmed', name: '林小梅' })
  })

  it('puts a volunteer on the waitlist when full, and tells them their place', async () => {
    live.cloud.cloud.store.write('volunteerProjects', PATROL, {
      ...live.cloud.cloud.store.getById('volunteerProjects', PATROL),
      conditionTeamIds: [],
      capacity: 1,
    })
    live.actAs('demo-leader-lvzhou')
    const page = open('subpackages/volunteers/project/index')
    await page.instance.onLoad({ id: PATROL })
    await waitForText(page, '名额已满，报名候补')
    await tap(page, '.signup')
    await waitForText(page, '候补第 1 位')
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '名额已满，您是候补第 1 位' }),
    )
  })

  it('warns of a clash with another project of mine', async () => {
    const store = live.cloud.cloud.store
    const tutoring = store.getById('volunteerProjects', TUTORING)!
    store.write('volunteerProjects', 'vpclash00000000001', {
      ...tutoring,
      title: '同一时间的读书会',
      confirmedCount: 0,
      nextOrder: 0,
      arrivalsDecided: 0,
    })
    store.write('volunteerProjectSecrets', 'vpclash00000000001', { secret: 'ab'.repeat(32) })
    live.actAs(MEMBER)
    const page = open('subpackages/volunteers/project/index')
    await page.instance.onLoad({ id: 'vpclash00000000001' })
    await waitForText(page, '时间冲突提醒')
    expect(page.dom!.textContent).toContain('「寒假课业辅导」')
    await tap(page, '.signup')
    await until(() => wx()['showModal']!.mock.calls.length > 0, 'the clash warning')
    expect(wx()['showModal']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '时间冲突提醒' }),
    )
  })

  it('lets the leader of an invited team respond', async () => {
    live.actAs('demo-leader-jinlin-yijia')
    const page = open('subpackages/volunteers/project/index')
    await page.instance.onLoad({ id: TUTORING })
    await waitForText(page, '代表“金邻一家”响应')
    page.instance.setData({ places: '2' })
    await tap(page, '.respond-t-jinlin-yijia .accept')
    await waitForText(page, '认领 2 人')
    expect(
      live.cloud.cloud.store.getById('volunteerTeamResponses', `${TUTORING}_t-jinlin-yijia`),
    ).toMatchObject({ status: 'accepted', places: 2 })
  })

  it('says what a volunteer’s pass is when someone scans it with WeChat', async () => {
    const page = open('subpackages/volunteers/project/index')
    await page.instance.onLoad({ scene: encodeURIComponent('v=abcdefgh123456') })
    await waitForText(page, '这是志愿者的签到码')
  })
})

describe('my signups and records', () => {
  it('lists what I signed up for and, once done, the hours', async () => {
    live.actAs(MEMBER)
    const page = open('subpackages/volunteers/mine/index')
    page.instance.onShow()
    await waitForText(page, '寒假课业辅导')
    expect(page.dom!.textContent).toContain('已报名')
    page.querySelector('.tab-past')!.dispatchEvent('tap')
    await waitForText(page, '理论宣讲进楼道')
    expect(page.dom!.textContent).toContain('服务 1.3 小时 · 已确认')
  })

  it('shows each record with the fields of the volunteer service record rules, and my totals', async () => {
    live.actAs(MEMBER)
    const page = open('subpackages/volunteers/records/index')
    await waitForText(page, '理论宣讲进楼道（理论宣传）')
    const text = page.dom!.textContent!
    expect(page.querySelector('.total-hours')!.dom!.textContent).toBe('4.3')
    for (const field of [
      '志愿者：小周（绿洲课后）',
      '时间：',
      '地点：',
      '组织单位：金溪社区党支部',
      '服务评价：优秀',
    ])
      expect(text).toContain(field)
  })

  it('asks a new volunteer to go and find a project', async () => {
    live.actAs('test-nobody-yet')
    const page = open('subpackages/volunteers/mine/index')
    page.instance.onShow()
    await waitForText(page, '还没有报名的项目')
  })
})

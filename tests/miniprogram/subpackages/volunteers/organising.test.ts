/**
 * 近邻志愿 pages for the day and for the people who organise: check-in by the rotating code (typed,
 * or scanned with WeChat onto the project page), the organiser's scan of a pass and confirmation
 * of hours, the teams, the staff dashboard (help requests, export), launching a project, and
 * asking for help.
 */
import { render, settle, tap, type Rendered } from '../../support/miniprogram'
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
const opened: Page[] = []
afterEach(() => {
  // The check-in page refreshes its code on a timer until it is closed.
  for (const page of opened.splice(0)) (page as unknown as { detach(): void }).detach()
})

const STAFF = 'demo-staff-jinxi'
const MEMBER = 'demo-volunteer-zhou'
const LEADER = 'demo-leader-lvzhou'
const COMMUNITY = 'c-jinxi'
const NOW_PROJECT = 'vptoday000000000001'

/** A project under way right now (the built function keeps the real clock), 小周 and 郑老师 on it. */
beforeAll(() => {
  const store = live.cloud.cloud.store
  const now = Date.now()
  const startAt = new Date(now - 10 * 60_000)
  const endAt = new Date(now + 2 * 3600_000)
  store.write('volunteerProjects', NOW_PROJECT, {
    ...store.getById('volunteerProjects', 'vpdemo000000000001'),
    title: '今天的社区清洁日',
    startAt,
    endAt,
    signupDeadline: new Date(now - 3600_000),
    confirmedCount: 2,
    nextOrder: 2,
  })
  store.write('volunteerProjectSecrets', NOW_PROJECT, { secret: 'cd'.repeat(32) })
  ;[MEMBER, LEADER].forEach((openid, order) => {
    store.write('volunteerSignups', `${NOW_PROJECT}_${openid}`, {
      ...store.getById('volunteerSignups', `vpdemo000000000001_${openid}`),
      projectId: NOW_PROJECT,
      title: '今天的社区清洁日',
      startAt,
      endAt,
      order,
      passCode: `today00${order}`,
    })
  })
})

async function currentCode(): Promise<string> {
  const result = (await live.cloud.cloud.callFunction(
    'volunteers',
    { action: 'checkInCode', projectId: NOW_PROJECT },
    STAFF,
  )) as { ok: true; data: { code: string; scene: string } }
  return result.data.code
}

describe('check-in', () => {
  it('shows the organiser the rotating code as digits and a mini-program code', async () => {
    live.actAs(STAFF)
    const page = open('subpackages/volunteers/checkin/index')
    opened.push(page)
    await page.instance.onLoad({ id: NOW_PROJECT })
    await waitForText(page, '请志愿者用微信扫一扫')
    const code = page.querySelector('.code')!.dom!.textContent!
    expect(code).toMatch(/^\d{6}$/)
    expect(page.instance.data.qrImage).toMatch(/^data:image\/png;base64,/)
    expect(page.dom!.textContent).toContain('志愿者（2）')
    expect(page.dom!.textContent).toContain('未签到')
  })

  it('checks a volunteer in when they scan the organiser’s code with WeChat', async () => {
    live.actAs(MEMBER)
    const page = open('subpackages/volunteers/project/index')
    const scene = `c=${NOW_PROJECT}&k=${await currentCode()}`
    expect(scene.length).toBeLessThanOrEqual(32)
    await page.instance.onLoad({ scene: encodeURIComponent(scene) })
    await waitForText(page, '签到成功')
    expect(page.dom!.textContent).toContain('已签到')
    expect(
      live.cloud.cloud.store.getById('volunteerSignups', `${NOW_PROJECT}_${MEMBER}`),
    ).toMatchObject({ checkIn: { method: 'code', by: MEMBER } })
  })

  it('checks the volunteer out with the typed code, and refuses a wrong one', async () => {
    live.actAs(MEMBER)
    const page = open('subpackages/volunteers/checkin/index')
    opened.push(page)
    await page.instance.onLoad({ id: NOW_PROJECT })
    await waitForText(page, '扫码签退')
    page.instance.setData({ typed: '000000' === (await currentCode()) ? '111111' : '000000' })
    await tap(page, '.submit-typed')
    await until(() => wx()['showToast']!.mock.calls.length > 0, 'the refusal')
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '签到码已过期或不正确，请扫描组织者现在出示的签到码',
      }),
    )
    page.instance.setData({ typed: await currentCode() })
    await tap(page, '.submit-typed')
    await waitForText(page, '已签退')
    expect(page.dom!.textContent).toContain('等待组织者确认')
  })

  it('lets the organiser scan a volunteer’s pass, and confirm or correct hours with a reason', async () => {
    // 郑老师 shows his pass…
    live.actAs(LEADER)
    const volunteerPage = open('subpackages/volunteers/checkin/index')
    opened.push(volunteerPage)
    await volunteerPage.instance.onLoad({ id: NOW_PROJECT })
    await waitForText(volunteerPage, '出示我的签到码')
    await tap(volunteerPage, '.show-pass')
    await waitForText(volunteerPage, '请组织者扫描')
    const pass = (await live.cloud.cloud.callFunction(
      'volunteers',
      { action: 'myPass', projectId: NOW_PROJECT },
      LEADER,
    )) as { ok: true; data: { scene: string } }

    // …and the organiser's camera reads the mini-program code's path.
    live.actAs(STAFF)
    wx()['scanCode'] = jest.fn((options: { success(r: unknown): void }) =>
      options.success({
        scanType: 'WX_CODE',
        path: `subpackages/volunteers/project/index?scene=${encodeURIComponent(pass.data.scene)}`,
      }),
    )
    const page = open('subpackages/volunteers/checkin/index')
    opened.push(page)
    await page.instance.onLoad({ id: NOW_PROJECT })
    await waitForText(page, '扫描志愿者的签到码')
    await tap(page, '.scan-pass')
    await until(() => wx()['showToast']!.mock.calls.length > 0, 'the scan')
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '郑老师 签到成功' }),
    )

    // 小周 checked out a moment after checking in: the organiser corrects to two hours.
    await tap(page, '.signup-0 .edit')
    await waitForText(page, '修改原因')
    page.instance.setData({ minutes: '120' })
    await tap(page, '.signup-0 .confirm')
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '修改服务时长请写明原因' }),
    )
    page.instance.setData({ reason: '提前到场布置，忘记签到' })
    page.querySelector('.signup-0 .evaluation-excellent')!.dispatchEvent('tap')
    await tap(page, '.signup-0 .confirm')
    await waitForText(page, '2 小时 · 已确认（已修改）')
    expect(
      live.cloud.cloud.store.getById('volunteerSignups', `${NOW_PROJECT}_${MEMBER}`),
    ).toMatchObject({ confirmedMinutes: 120, corrected: true, evaluation: 'excellent' })
    expect(
      live.cloud.cloud.store.find('audit', { filter: { action: 'volunteers.correctHours' } }),
    ).toHaveLength(1)
  })

  it('tells someone who did not sign up that they cannot check in', async () => {
    live.actAs('demo-resident-huang')
    const page = open('subpackages/volunteers/checkin/index')
    opened.push(page)
    await page.instance.onLoad({ id: NOW_PROJECT })
    await waitForText(page, '您没有报名这个项目')
  })
})

describe('teams', () => {
  it('lists the alliance with this month’s ranking, and opens a team', async () => {
    live.actAs(MEMBER)
    const page = open('subpackages/volunteers/teams/index')
    await page.instance.onLoad({ communityId: COMMUNITY })
    await waitForText(page, '服务队（10）')
    for (const name of ['旗帜先锋', '畚乡枫警', '绿洲课后', '金邻一家'])
      expect(page.dom!.textContent).toContain(name)
    expect(page.dom!.textContent).toContain('我是队员')
    page.querySelectorAll('.team')[8]!.querySelector('.van-cell')!.dispatchEvent('tap')
    await settle()
    expect(wx()['navigateTo']).toHaveBeenCalledWith({
      url: '/subpackages/volunteers/team/index?id=t-lvzhou-kehou',
    })
  })

  it('lets a resident ask to join and the leader approve', async () => {
    live.actAs('demo-resident-huang')
    const page = open('subpackages/volunteers/team/index')
    await page.instance.onLoad({ id: 't-lvzhou-kehou' })
    await waitForText(page, '申请加入')
    page.instance.setData({ note: '退休语文老师' })
    await tap(page, '.join')
    await waitForText(page, '等待队长审核')

    live.actAs(LEADER)
    const leaderPage = open('subpackages/volunteers/team/index')
    await leaderPage.instance.onLoad({ id: 't-lvzhou-kehou' })
    await waitForText(leaderPage, '入队申请（1）')
    // The leader sees the name in full (黄大伯 gave his real name).
    expect(leaderPage.dom!.textContent).toContain('黄建华')
    await tap(leaderPage, '.pending-0 .approve')
    await waitForText(leaderPage, '3 名队员')
  })
})

describe('the staff dashboard', () => {
  it('shows the year, turns a request for help into a project in one tap, and exports a month', async () => {
    live.actAs(STAFF)
    const page = open('subpackages/volunteers/dashboard/index')
    await page.instance.onLoad({ communityId: COMMUNITY })
    await waitForText(page, '服务人次')
    expect(page.dom!.textContent).toContain('陈奶奶家水龙头漏水')
    await tap(page, '.help-request .convert')
    await waitForText(page, '没有待处理的求助')
    const url = String(wx()['navigateTo']!.mock.calls[0][0].url)
    expect(url).toMatch(/^\/subpackages\/volunteers\/project\/index\?id=vp[0-9a-f]{16}$/)
    expect(live.cloud.cloud.store.getById('volunteerHelpRequests', 'vh-demo-0001')).toMatchObject({
      status: 'converted',
      projectId: url.split('id=')[1],
    })

    await tap(page, '.export')
    await waitForText(page, '志愿服务记录.xlsx')
    expect(page.dom!.textContent).toMatch(/共 \d+ 条记录/)
    expect(
      live.cloud.cloud.storage.list().some((f) => f.path.startsWith('exports/volunteers/c-jinxi/')),
    ).toBe(true)
  })

  it('shows anyone else the server’s refusal', async () => {
    live.actAs(MEMBER)
    const page = open('subpackages/volunteers/dashboard/index')
    await page.instance.onLoad({ communityId: COMMUNITY })
    await waitForText(page, '只有本社区的工作人员可以进行这项操作')
  })
})

describe('launching a project', () => {
  it('invites the teams of the chosen service type and opens the new project', async () => {
    live.actAs(STAFF)
    const page = open('subpackages/volunteers/create/index')
    await page.instance.onLoad({ communityId: COMMUNITY })
    await waitForText(page, '邀请服务队')
    await tap(page, '.submit')
    expect(wx()['showToast']).toHaveBeenCalledWith(
      expect.objectContaining({ title: '请填写项目名称' }),
    )
    page.instance.setData({
      title: '重阳节陪老人登山',
      description: '陪社区老人登南漈山，注意安全。',
      place: '金溪社区党群服务中心门口',
      capacity: '6',
      startTime: '22:00',
      endTime: '01:00',
    })
    page.instance.onPicker({
      currentTarget: { dataset: { field: 'endTime' } },
      detail: { value: '01:00' },
    })
    expect(page.instance.data.overnight).toBe(true)
    page.querySelector('.type')!.dispatchEvent('tap')
    await settle()
    await tap(page, '.submit')
    await until(() => wx()['redirectTo']!.mock.calls.length > 0, 'the new project')
    const url = String(wx()['redirectTo']!.mock.calls[0][0].url)
    const id = url.split('id=')[1]!
    const project = live.cloud.cloud.store.getById('volunteerProjects', id)!
    expect(project).toMatchObject({
      title: '重阳节陪老人登山',
      serviceType: '理论宣传',
      capacity: 6,
      invitedTeamIds: ['t-qizhi-xianfeng'],
    })
    // 22:00 to 01:00 the next day, Beijing time: three hours.
    expect(
      (new Date(project['endAt'] as Date).getTime() -
        new Date(project['startAt'] as Date).getTime()) /
        3600_000,
    ).toBe(3)
  })
})

describe('有事找找志愿者', () => {
  it('lets a resident ask for help and follow the request', async () => {
    live.actAs(MEMBER)
    const page = open('subpackages/volunteers/help/index')
    await page.instance.onLoad({ communityId: COMMUNITY })
    await waitForText(page, '需要哪类帮助')
    page.querySelector('.type')!.dispatchEvent('tap')
    page.instance.setData({ description: '家里老人腿脚不便，想请人帮忙取药', place: '17号楼1103' })
    await tap(page, '.submit')
    await waitForText(page, '想请人帮忙取药')
    expect(page.dom!.textContent).toContain('待处理')
  })
})

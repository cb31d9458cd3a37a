/**
 * 志愿者报名 through the built function on the local cloud: places under concurrency, the
 * waitlist and its promotions, one place per volunteer, and every refusal changing nothing.
 */
import { expectArrivalOrder } from './arrivalOrder'
import {
  LEADER,
  MEMBER,
  RESIDENT,
  STAFF,
  TEMPLATES,
  newRequestId,
  projectInput,
  startVolunteersCloud,
  type VolunteersCloud,
} from './volunteersCloud'

let c: VolunteersCloud
beforeAll(async () => {
  c = await startVolunteersCloud()
}, 30_000)
afterAll(() => c.cloud.close())

async function launch(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await c.call(STAFF, 'createProject', projectInput(overrides))
  if (!created.ok) throw new Error(JSON.stringify(created))
  return created.data.id
}

const signup = (openid: string, projectId: string, extra: Record<string, unknown> = {}) =>
  c.call(openid, 'signup', { projectId, requestId: newRequestId(), ...extra })

const signupsOf = (projectId: string) =>
  c.cloud.store.find('volunteerSignups', { filter: { projectId }, sort: [['order', 1]] })

const projectDoc = (projectId: string) => c.cloud.store.getById('volunteerProjects', projectId)!

describe('300 volunteers signing up at once for 50 places', () => {
  const crowd = Array.from({ length: 300 }, (_v, i) => `test-crowd-${String(i).padStart(3, '0')}`)
  let projectId: string

  beforeAll(async () => {
    c.addUsers(crowd)
    projectId = await launch({ capacity: 50, title: '300 人抢 50 个名额' })
  })

  it('confirms exactly 50 and waitlists 250 in order of arrival, with no duplicates', async () => {
    const results = await Promise.all(crowd.map((openid) => signup(openid, projectId)))
    expect(results.filter((r) => !r.ok)).toEqual([])
    const confirmed = results.filter((r) => r.ok && r.data.status === 'confirmed')
    const waitlisted = results.filter((r) => r.ok && r.data.status === 'waitlisted')
    expect(confirmed).toHaveLength(50)
    expect(waitlisted).toHaveLength(250)

    const docs = signupsOf(projectId)
    expect(docs).toHaveLength(300)
    expect(new Set(docs.map((d) => d['openid'])).size).toBe(300)
    // Orders 0…299, each once; the 50 first arrivals hold the places, the rest wait in order.
    expect(docs.map((d) => d['order'])).toEqual(Array.from({ length: 300 }, (_v, i) => i))
    expect(docs.slice(0, 50).every((d) => d['status'] === 'confirmed')).toBe(true)
    expect(docs.slice(50).every((d) => d['status'] === 'waitlisted')).toBe(true)
    // Orders follow the arrival log exactly: no inversion, whoever's write became visible first.
    expect(expectArrivalOrder(c, projectId).map((d) => d['order'])).toEqual(
      Array.from({ length: 300 }, (_v, i) => i),
    )
    expect(projectDoc(projectId)).toMatchObject({
      confirmedCount: 50,
      waitlistCount: 250,
      nextOrder: 300,
    })
    // Each one was told its own place in the line: 1…250, every rank once.
    const ranks = waitlisted.map((r) => (r.ok ? r.data.waitlistRank : null)).sort((a, b) => a - b)
    expect(ranks).toEqual(Array.from({ length: 250 }, (_v, i) => i + 1))
  }, 120_000)

  it('promotes the first 20 waiting, in waitlist order, when 20 give up their places at once', async () => {
    c.cloud.openApi.clearOutbox()
    const docs = signupsOf(projectId)
    const leaving = docs.slice(10, 30).map((d) => String(d['openid']))
    const firstWaiting = docs.slice(50, 70).map((d) => String(d['openid']))
    const results = await Promise.all(
      leaving.map((openid) => c.call(openid, 'cancelSignup', { projectId })),
    )
    expect(results.every((r) => r.ok && r.data.promoted)).toBe(true)

    const after = signupsOf(projectId)
    const promoted = after
      .filter((d) => d['promotedAt'])
      .sort((a, b) => Number(a['promotionOrder']) - Number(b['promotionOrder']))
    // The i-th promotion went to the i-th in the waitlist.
    expect(promoted.map((d) => d['openid'])).toEqual(firstWaiting)
    expect(promoted.map((d) => d['promotionOrder'])).toEqual(
      Array.from({ length: 20 }, (_v, i) => i),
    )
    expect(after.filter((d) => d['status'] === 'confirmed')).toHaveLength(50)
    expect(after.filter((d) => d['status'] === 'cancelled')).toHaveLength(20)
    expect(projectDoc(projectId)).toMatchObject({
      confirmedCount: 50,
      waitlistCount: 230,
      promotions: 20,
    })
    // Each promoted volunteer is told, once.
    const messages = c.cloud.openApi.outbox()
    expect(messages.map((m) => m.touser).sort()).toEqual([...firstWaiting].sort())
    expect(messages[0]).toMatchObject({
      templateId: TEMPLATES.promoted,
      page: `subpackages/volunteers/project/index?id=${projectId}`,
    })
    expect(messages[0]!.data['thing3']!.value).toBe('候补成功，您已正式报名')

    // The next in line is now first.
    const next = String(after.find((d) => d['status'] === 'waitlisted')!['openid'])
    expect(next).toBe(docs[70]!['openid'])
    const detail = await c.call(next, 'projectDetail', { projectId })
    expect(detail.ok && detail.data.mine).toMatchObject({ status: 'waitlisted', waitlistRank: 1 })
  }, 60_000)

  it('takes a waitlisted volunteer off the list without promoting anyone', async () => {
    const before = signupsOf(projectId).filter((d) => d['status'] === 'waitlisted')
    const last = String(before[before.length - 1]!['openid'])
    const result = await c.call(last, 'cancelSignup', { projectId })
    expect(result).toEqual({ ok: true, data: { projectId, status: 'cancelled', promoted: false } })
    expect(projectDoc(projectId)).toMatchObject({ confirmedCount: 50, waitlistCount: 229 })
  })
})

describe('one volunteer', () => {
  it('tapping signup 10 times at once holds one place; the others are told it exists', async () => {
    const projectId = await launch({ capacity: 5 })
    const results = await Promise.all(Array.from({ length: 10 }, () => signup(MEMBER, projectId)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(
      Array(9).fill('ALREADY_EXISTS'),
    )
    expect(signupsOf(projectId)).toHaveLength(1)
    expect(projectDoc(projectId)).toMatchObject({ confirmedCount: 1, nextOrder: 1 })
  })

  it('sending the same request again gets the first answer, not a second place', async () => {
    const projectId = await launch({ capacity: 5 })
    const requestId = newRequestId()
    const first = await signup(MEMBER, projectId, { requestId })
    const again = await signup(MEMBER, projectId, { requestId })
    expect(again).toEqual(first)
    expect(projectDoc(projectId)).toMatchObject({ confirmedCount: 1 })
  })

  it('can sign up again after cancelling, at the end of the line', async () => {
    const projectId = await launch({ capacity: 1 })
    expect(await signup(LEADER, projectId)).toMatchObject({ data: { status: 'confirmed' } })
    expect(await signup(MEMBER, projectId)).toMatchObject({
      data: { status: 'waitlisted', waitlistRank: 1 },
    })
    await c.call(MEMBER, 'cancelSignup', { projectId })
    expect(await signup(MEMBER, projectId)).toMatchObject({
      data: { status: 'waitlisted', waitlistRank: 1 },
    })
    expect(c.cloud.store.getById('volunteerSignups', `${projectId}_${MEMBER}`)).toMatchObject({
      order: 2,
    })
  })

  it('is warned of another project at the same time, and still signed up', async () => {
    const first = await launch({ title: '上午的项目' })
    const start = Date.parse(String(projectInput()['startAt']))
    const second = await launch({
      title: '同一时间的项目',
      startAt: new Date(start + 3600_000).toISOString(),
      endAt: new Date(start + 3 * 3600_000).toISOString(),
    })
    await signup(RESIDENT, first)
    const result = await signup(RESIDENT, second)
    expect(result).toMatchObject({
      ok: true,
      data: { status: 'confirmed', overlaps: [{ projectId: first, title: '上午的项目' }] },
    })
    const detail = await c.call(RESIDENT, 'projectDetail', { projectId: first })
    expect(
      detail.ok && detail.data.overlaps.map((o: { projectId: string }) => o.projectId),
    ).toEqual([second])
  })
})

describe('refusals change nothing', () => {
  let projectId: string
  beforeAll(async () => {
    projectId = await launch({ capacity: 3 })
  })

  it.each([
    ['capacity 0', { capacity: 0 }, 'INVALID_ARGUMENT', '招募人数至少 1 人'],
    ['capacity -5', { capacity: -5 }, 'INVALID_ARGUMENT', '招募人数至少 1 人'],
    [
      'an end before the start',
      { endAt: '2020-01-01T00:00:00.000Z', startAt: '2099-01-01T08:00:00.000Z' },
      'INVALID_ARGUMENT',
      '结束时间必须晚于开始时间',
    ],
    [
      'a start in the past',
      {
        startAt: '2020-01-01T08:00:00.000Z',
        endAt: '2020-01-01T10:00:00.000Z',
        signupDeadline: '2020-01-01T07:00:00.000Z',
      },
      'INVALID_ARGUMENT',
      '开始时间已经过去了',
    ],
    [
      'a deadline after the start',
      {
        startAt: '2099-01-01T08:00:00.000Z',
        endAt: '2099-01-01T10:00:00.000Z',
        signupDeadline: '2099-01-01T09:00:00.000Z',
      },
      'INVALID_ARGUMENT',
      '报名截止时间不能晚于开始时间',
    ],
    [
      'a time without offset',
      { startAt: '2099-01-01 08:00' },
      'INVALID_ARGUMENT',
      '开始时间格式不正确',
    ],
    [
      // Found by the input fuzz: Date.parse reads 2月30日 as 3月2日, so it passed as a time.
      'a day that does not exist',
      {
        startAt: '2099-02-30T08:00:00+08:00',
        endAt: '2099-03-02T10:00:00+08:00',
        signupDeadline: '2099-02-28T08:00:00+08:00',
      },
      'INVALID_ARGUMENT',
      '开始时间不是有效的时间',
    ],
    [
      'a team of another community',
      { invitedTeamIds: ['t-nowhere'] },
      'INVALID_ARGUMENT',
      '只能邀请本社区的志愿服务队',
    ],
  ])('createProject with %s', async (_label, overrides, code, message) => {
    const before = c.digest()
    expect(await c.call(STAFF, 'createProject', projectInput(overrides))).toMatchObject({
      ok: false,
      error: { code, message },
    })
    expect(c.digest()).toBe(before)
  })

  it.each([
    ['a resident', RESIDENT],
    ['a team leader', LEADER],
    ['staff of another community', 'demo-staff-hefeng'],
  ])('createProject by %s', async (_label, openid) => {
    const before = c.digest()
    expect(await c.call(openid, 'createProject', projectInput())).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    expect(c.digest()).toBe(before)
  })

  it('a second signup with a new request: ALREADY_EXISTS', async () => {
    await signup(MEMBER, projectId)
    const before = c.digest()
    expect(await signup(MEMBER, projectId)).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_EXISTS', message: '您已经报名了这个项目' },
    })
    expect(c.digest()).toBe(before)
  })

  it('signing up after the deadline: FAILED_PRECONDITION', async () => {
    const project = projectDoc(projectId)
    const afterDeadline = new Date(new Date(project['signupDeadline'] as Date).getTime() + 60_000)
    const before = c.digest()
    expect(
      await c.callAt(afterDeadline, LEADER, 'signup', { projectId, requestId: newRequestId() }),
    ).toEqual({ ok: false, error: { code: 'FAILED_PRECONDITION', message: '报名已截止' } })
    // …and giving up a place after the deadline promotes nobody.
    expect(c.digest()).toBe(before)
  })

  it('signing up to a cancelled project: FAILED_PRECONDITION; its volunteers are told', async () => {
    const cancelled = await launch({ capacity: 3 })
    await signup(MEMBER, cancelled)
    c.cloud.openApi.clearOutbox()
    expect(
      await c.call(LEADER, 'cancelProject', { projectId: cancelled, reason: '台风' }),
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(
      await c.call(STAFF, 'cancelProject', { projectId: cancelled, reason: '台风预警' }),
    ).toEqual({ ok: true, data: { projectId: cancelled, status: 'cancelled', notified: 1 } })
    expect(c.cloud.openApi.outbox()).toEqual([
      expect.objectContaining({
        touser: MEMBER,
        templateId: TEMPLATES.cancelled,
        data: expect.objectContaining({ thing3: { value: '项目已取消：台风预警' } }),
      }),
    ])
    const before = c.digest()
    expect(await signup(LEADER, cancelled)).toEqual({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '这个项目已取消' },
    })
    expect(await c.call(MEMBER, 'cancelSignup', { projectId: cancelled })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    })
    expect(c.digest()).toBe(before)
  })

  it('a first-time user is asked to agree to the privacy notice first', async () => {
    const before = c.digest()
    const result = await signup('test-first-timer', projectId)
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'FAILED_PRECONDITION',
        message: '请先阅读并同意《隐私保护指引》',
        details: [{ field: 'privacy' }],
      },
    })
    expect(c.digest()).toBe(before)
    // Agreeing (community.agreePrivacy) is all it takes.
    await c.cloud.callFunction(
      'community',
      { action: 'agreePrivacy', version: '1' },
      'test-first-timer',
    )
    expect(await signup('test-first-timer', projectId, { name: '林小梅' })).toMatchObject({
      ok: true,
      data: { status: 'confirmed' },
    })
    expect(
      c.cloud.store.getById('volunteerSignups', `${projectId}_test-first-timer`),
    ).toMatchObject({
      name: '林小梅',
    })
  })

  it('only members of the named teams, and those confirming the skills asked for', async () => {
    const teamOnly = await launch({ conditionTeamIds: ['t-benxiang-fengjing'] })
    const skilled = await launch({ skills: ['会骑电动车'] })
    const before = c.digest()
    expect(await signup(RESIDENT, teamOnly)).toEqual({
      ok: false,
      error: { code: 'PERMISSION_DENIED', message: '这个项目只接受“畚乡枫警”的队员报名' },
    })
    expect(await signup(RESIDENT, skilled)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', details: [{ field: 'confirmSkills' }] },
    })
    expect(await signup(MEMBER, teamOnly, { teamId: 't-lvzhou-kehou' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '这个项目不接受这支服务队的报名' },
    })
    expect(c.digest()).toBe(before)
    // 小周 is in 畚乡枫警: the place counts for that team.
    expect(await signup(MEMBER, teamOnly)).toMatchObject({ ok: true })
    expect(c.cloud.store.getById('volunteerSignups', `${teamOnly}_${MEMBER}`)).toMatchObject({
      teamId: 't-benxiang-fengjing',
    })
    expect(await signup(RESIDENT, skilled, { confirmSkills: true })).toMatchObject({ ok: true })
  })

  it('never takes identity from the event', async () => {
    const before = c.digest()
    expect(
      await c.call(RESIDENT, 'signup', { projectId, requestId: newRequestId(), openid: STAFF }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(c.digest()).toBe(before)
  })
})

describe('lists', () => {
  it('lists open projects soonest first, a page at a time, and names masked for volunteers', async () => {
    const first = await c.call(MEMBER, 'listProjects', { communityId: 'c-jinxi', pageSize: 3 })
    expect(first.ok).toBe(true)
    if (!first.ok) return
    expect(first.data.items).toHaveLength(3)
    const second = await c.call(MEMBER, 'listProjects', {
      communityId: 'c-jinxi',
      pageSize: 3,
      cursor: first.data.nextCursor,
    })
    expect(second.ok).toBe(true)
    if (!second.ok) return
    const all = [...first.data.items, ...second.data.items]
    const starts = all.map((p: { startAt: string }) => p.startAt)
    expect([...starts].sort()).toEqual(starts)
    expect(new Set(all.map((p: { id: string }) => p.id)).size).toBe(all.length)
    expect(all.every((p: { phase: string }) => p.phase !== 'cancelled')).toBe(true)

    // The demo's tutoring project: 郑老师 and 小周 on the list.
    const tutoring = await c.call(RESIDENT, 'projectDetail', { projectId: 'vpdemo000000000001' })
    expect(tutoring.ok && tutoring.data.volunteers.map((v: { name: string }) => v.name)).toEqual([
      '郑**',
      '小*',
    ])
    const asStaff = await c.call(STAFF, 'projectDetail', { projectId: 'vpdemo000000000001' })
    expect(asStaff.ok && asStaff.data.volunteers.map((v: { name: string }) => v.name)).toEqual([
      '郑老师',
      '小周',
    ])
  })

  it('shows my signups, upcoming and past', async () => {
    const upcoming = await c.call(MEMBER, 'mySignups', { scope: 'upcoming' })
    expect(upcoming.ok).toBe(true)
    if (!upcoming.ok) return
    expect(
      upcoming.data.items.map((i: { project: { title: string } }) => i.project.title),
    ).toContain('寒假课业辅导')
    const past = await c.call(MEMBER, 'mySignups', { scope: 'past' })
    expect(
      past.ok && past.data.items.map((i: { project: { title: string } }) => i.project.title),
    ).toEqual(['理论宣讲进楼道', '社区治安巡逻'])
  })

  it('gives the organiser the full list, and nobody else', async () => {
    const projectId = 'vpdemo000000000001'
    const list = await c.call(STAFF, 'listSignups', { projectId })
    expect(list.ok && list.data.items.map((i: { name: string }) => i.name)).toEqual([
      '郑老师',
      '小周',
    ])
    expect(await c.call(MEMBER, 'listSignups', { projectId })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
  })
})

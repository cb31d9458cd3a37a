/**
 * On the day: the rotating code, the organiser's scan, service hours across midnight in Beijing
 * time, the organiser's confirmation or correction (audited), the reminder, and the records
 * these become. The clock is moved by running the actions in-process at chosen instants.
 */
import * as ExcelJS from 'exceljs'
import {
  ADMIN,
  COMMUNITY,
  LEADER,
  MEMBER,
  RESIDENT,
  STAFF,
  TEMPLATES,
  newRequestId,
  startVolunteersCloud,
  type VolunteersCloud,
} from './volunteersCloud'

let c: VolunteersCloud
beforeAll(async () => {
  c = await startVolunteersCloud()
}, 30_000)
afterAll(() => c.cloud.close())

/** A Beijing wall-clock time as an instant. */
const bj = (text: string) => new Date(`${text}+08:00`)
const WAITING = 'test-waiting-volunteer'

// A night patrol from 22:00 on 31 January to 01:30 on 1 February (Beijing), two places.
let projectId: string
beforeAll(async () => {
  const created = await c.callAt(bj('2030-01-29T10:00:00'), STAFF, 'createProject', {
    communityId: COMMUNITY,
    title: '除夕前夜巡逻',
    description: '跨夜巡逻，守护邻里平安。',
    serviceType: '巡逻',
    place: '金涵小区三期北门',
    startAt: '2030-01-31T22:00:00+08:00',
    endAt: '2030-02-01T01:30:00+08:00',
    signupDeadline: '2030-01-31T12:00:00+08:00',
    capacity: 2,
    invitedTeamIds: ['t-benxiang-fengjing'],
    requestId: newRequestId(),
  })
  if (!created.ok) throw new Error(JSON.stringify(created))
  projectId = created.data.id
  c.addUsers([WAITING])
  const at = bj('2030-01-30T09:00:00')
  for (const openid of [MEMBER, LEADER, WAITING]) {
    const result = await c.callAt(at, openid, 'signup', { projectId, requestId: newRequestId() })
    if (!result.ok) throw new Error(JSON.stringify(result))
  }
}, 30_000)

async function codeAt(at: Date): Promise<string> {
  const result = await c.callAt(at, STAFF, 'checkInCode', { projectId })
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result.data.code
}

describe('check-in by the rotating code', () => {
  it('shows the organiser a code and a mini-program code that checks in', async () => {
    const result = await c.callAt(bj('2030-01-31T21:45:10'), STAFF, 'checkInCode', { projectId })
    expect(result).toMatchObject({
      ok: true,
      data: {
        code: expect.stringMatching(/^\d{6}$/),
        expiresAt: bj('2030-01-31T21:47:00').toISOString(),
        qrImage: expect.stringMatching(/^data:image\/png;base64,/),
      },
    })
    if (!result.ok) return
    expect(result.data.scene).toBe(`c=${projectId}&k=${result.data.code}`)
    expect(result.data.scene.length).toBeLessThanOrEqual(32)
  })

  it('is only for the organiser, and only from half an hour before the start', async () => {
    const before = c.digest()
    expect(
      await c.callAt(bj('2030-01-31T21:45:00'), MEMBER, 'checkInCode', { projectId }),
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(await c.callAt(bj('2030-01-31T21:20:00'), STAFF, 'checkInCode', { projectId })).toEqual({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '还没到签到时间，01-31 21:30 开始签到' },
    })
    expect(c.digest()).toBe(before)
  })

  it('refuses an expired code, a wrong one and someone on the waitlist, changing nothing', async () => {
    const shown = await codeAt(bj('2030-01-31T21:40:00'))
    const before = c.digest()
    const late = bj('2030-01-31T21:42:01')
    expect(await c.callAt(late, MEMBER, 'checkIn', { projectId, code: shown })).toEqual({
      ok: false,
      error: {
        code: 'FAILED_PRECONDITION',
        message: '签到码已过期或不正确，请扫描组织者现在出示的签到码',
      },
    })
    expect(
      await c.callAt(late, WAITING, 'checkIn', { projectId, code: await codeAt(late) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('候补') },
    })
    expect(
      await c.callAt(late, RESIDENT, 'checkIn', { projectId, code: await codeAt(late) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '您没有报名这个项目' },
    })
    const afterEnd = bj('2030-02-01T01:31:00')
    expect(
      await c.callAt(afterEnd, MEMBER, 'checkIn', { projectId, code: await codeAt(afterEnd) }),
    ).toEqual({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '项目已经结束，不能再签到' },
    })
    expect(await c.callAt(late, MEMBER, 'checkIn', { projectId, code: '12345' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
    expect(c.digest()).toBe(before)
  })

  it('checks in with the code of this minute or the one before, once', async () => {
    const shown = await codeAt(bj('2030-01-31T21:45:30'))
    const at = bj('2030-01-31T21:46:20')
    expect(await c.callAt(at, MEMBER, 'checkIn', { projectId, code: shown })).toEqual({
      ok: true,
      data: {
        projectId,
        checkedInAt: at.toISOString(),
        checkedOutAt: null,
        computedMinutes: null,
      },
    })
    expect(await c.callAt(at, MEMBER, 'checkIn', { projectId, code: shown })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_EXISTS' },
    })
  })

  it('checks out after midnight: 3.5 hours, counted only within the project’s time', async () => {
    const at = bj('2030-02-01T01:41:00')
    const result = await c.callAt(at, MEMBER, 'checkOut', { projectId, code: await codeAt(at) })
    expect(result).toEqual({
      ok: true,
      data: {
        projectId,
        checkedInAt: bj('2030-01-31T21:46:20').toISOString(),
        checkedOutAt: at.toISOString(),
        computedMinutes: 210,
      },
    })
    const detail = await c.callAt(at, MEMBER, 'projectDetail', { projectId })
    expect(detail.ok && detail.data.mine).toMatchObject({
      hoursStatus: 'pending',
      computedMinutes: 210,
    })
  })
})

describe('check-in by the organiser’s scan of a volunteer’s pass', () => {
  it('checks in on the first scan and out on the next', async () => {
    const inAt = bj('2030-01-31T22:10:00')
    const pass = await c.callAt(inAt, LEADER, 'myPass', { projectId })
    expect(pass).toMatchObject({
      ok: true,
      data: { pass: expect.stringMatching(/^[a-z0-9]{8}\d{6}$/) },
    })
    if (!pass.ok) return
    expect(pass.data.scene).toBe(`v=${pass.data.pass}`)
    expect(
      await c.callAt(inAt, MEMBER, 'scanPass', { projectId, pass: pass.data.pass }),
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(
      await c.callAt(bj('2030-01-31T22:13:00'), STAFF, 'scanPass', {
        projectId,
        pass: pass.data.pass,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '签到码已过期，请志愿者刷新后再扫' },
    })
    expect(
      await c.callAt(inAt, STAFF, 'scanPass', { projectId, pass: pass.data.pass }),
    ).toMatchObject({
      ok: true,
      data: { action: 'checkIn', name: '郑老师', checkedInAt: inAt.toISOString() },
    })

    const outAt = bj('2030-02-01T00:40:00')
    const later = await c.callAt(outAt, LEADER, 'myPass', { projectId })
    expect(
      await c.callAt(outAt, STAFF, 'scanPass', { projectId, pass: later.ok && later.data.pass }),
    ).toMatchObject({ ok: true, data: { action: 'checkOut', computedMinutes: 150 } })
    // Scans are audited, as staff writes are.
    const audit = c.cloud.store.find('audit', {
      filter: { 'target.id': `${projectId}_${LEADER}` },
    })
    expect(audit.map((a) => a['action']).sort()).toEqual([
      'volunteers.scanCheckIn',
      'volunteers.scanCheckOut',
    ])
  })
})

describe('service hours', () => {
  const at = bj('2030-02-01T09:00:00')

  it('are confirmed by the organiser only', async () => {
    const before = c.digest()
    for (const openid of [ADMIN, MEMBER, 'demo-staff-hefeng']) {
      expect(
        await c.callAt(at, openid, 'confirmHours', {
          projectId,
          openid: MEMBER,
          evaluation: 'excellent',
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED', message: '只有本项目的组织者可以进行这项操作' },
      })
    }
    expect(c.digest()).toBe(before)
  })

  it('are confirmed as computed, with the evaluation, and audited', async () => {
    expect(
      await c.callAt(at, STAFF, 'confirmHours', {
        projectId,
        openid: MEMBER,
        evaluation: 'excellent',
      }),
    ).toEqual({
      ok: true,
      data: {
        projectId,
        openid: MEMBER,
        name: '小周',
        confirmedMinutes: 210,
        hours: 3.5,
        corrected: false,
        evaluation: 'excellent',
      },
    })
    const [entry] = c.cloud.store.find('audit', {
      filter: { action: 'volunteers.confirmHours', 'target.id': `${projectId}_${MEMBER}` },
    })
    expect(entry).toMatchObject({
      actor: STAFF,
      communityId: COMMUNITY,
      before: { hoursStatus: 'pending', computedMinutes: 210, confirmedMinutes: null },
      after: { confirmedMinutes: 210, evaluation: 'excellent' },
    })
  })

  it('are corrected only with a reason, and the correction is audited with what it replaced', async () => {
    const before = c.digest()
    expect(
      await c.callAt(at, STAFF, 'confirmHours', {
        projectId,
        openid: LEADER,
        minutes: 170,
        evaluation: 'good',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '修改服务时长请写明原因' },
    })
    expect(
      await c.callAt(at, STAFF, 'confirmHours', {
        projectId,
        openid: LEADER,
        minutes: 60 * 25,
        reason: '太长',
        evaluation: 'good',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(
      await c.callAt(at, STAFF, 'confirmHours', {
        projectId,
        openid: WAITING,
        minutes: 60,
        reason: '候补',
        evaluation: 'good',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    expect(c.digest()).toBe(before)

    expect(
      await c.callAt(at, STAFF, 'confirmHours', {
        projectId,
        openid: LEADER,
        minutes: 170,
        reason: '签退后继续在门岗值守到 01:00',
        evaluation: 'good',
      }),
    ).toMatchObject({ ok: true, data: { confirmedMinutes: 170, hours: 2.8, corrected: true } })
    const [entry] = c.cloud.store.find('audit', {
      filter: { action: 'volunteers.correctHours', 'target.id': `${projectId}_${LEADER}` },
    })
    expect(entry).toMatchObject({
      before: { hoursStatus: 'pending', computedMinutes: 150 },
      after: { confirmedMinutes: 170, evaluation: 'good' },
      reason: '签退后继续在门岗值守到 01:00',
    })
  })

  it('cannot be confirmed before the project starts', async () => {
    expect(
      await c.callAt(bj('2030-01-31T21:00:00'), STAFF, 'confirmHours', {
        projectId,
        openid: MEMBER,
        evaluation: 'good',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '项目开始后才能确认服务时长' },
    })
  })
})

describe('records', () => {
  it('give the volunteer the fields of the volunteer service record rules, and totals', async () => {
    const records = await c.call(MEMBER, 'myRecords', {})
    expect(records.ok).toBe(true)
    if (!records.ok) return
    const night = records.data.items.find((r: { projectId: string }) => r.projectId === projectId)
    expect(night).toEqual({
      projectId,
      volunteerName: '小周',
      teamName: '畚乡枫警',
      serviceContent: '除夕前夜巡逻（巡逻）',
      serviceType: '巡逻',
      place: '金涵小区三期北门',
      serviceDate: '2030-01-31',
      startAt: bj('2030-01-31T22:00:00').toISOString(),
      endAt: bj('2030-02-01T01:30:00').toISOString(),
      hours: 3.5,
      minutes: 210,
      organisingBody: '金溪社区党支部',
      evaluation: 'excellent',
      evaluationLabel: '优秀',
      confirmedAt: bj('2030-02-01T09:00:00').toISOString(),
    })
    // With the demo's two past services (80 and 180 minutes).
    expect(records.data.totals).toEqual({ minutes: 470, hours: 7.8, services: 3 })
  })

  it('rank the month’s teams by hours (the Beijing month of the start)', async () => {
    const ranking = await c.call(RESIDENT, 'teamRanking', {
      communityId: COMMUNITY,
      month: '2030-01',
    })
    expect(ranking.ok).toBe(true)
    if (!ranking.ok) return
    expect(ranking.data).toHaveLength(10)
    // 小周's 210 minutes for 畚乡枫警, 郑老师's 170 for 绿洲课后 (the team he serves with).
    const byName = Object.fromEntries(
      ranking.data.map((r: { teamName: string }) => [r.teamName, r]),
    )
    expect(byName['畚乡枫警']).toMatchObject({
      minutes: 210,
      hours: 3.5,
      services: 1,
      volunteers: 1,
    })
    expect(byName['绿洲课后']).toMatchObject({ minutes: 170, services: 1 })
    expect(ranking.data[0]).toMatchObject({ rank: 1, teamName: '畚乡枫警' })
    expect(ranking.data.map((r: { rank: number }) => r.rank)).toEqual(
      Array.from({ length: 10 }, (_v, i) => i + 1),
    )
  })

  it('export to .xlsx for staff: the workbook opens and holds every record of the month', async () => {
    expect(
      await c.call(MEMBER, 'exportRecords', { communityId: COMMUNITY, month: '2030-01' }),
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    const result = await c.call(STAFF, 'exportRecords', {
      communityId: COMMUNITY,
      month: '2030-01',
    })
    expect(result).toMatchObject({
      ok: true,
      data: { rows: 2, totalHours: 6.3, fileName: '金溪社区-2030-01-志愿服务记录.xlsx' },
    })
    if (!result.ok) return
    const response = await fetch(encodeURI(result.data.tempFileURL))
    expect(response.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
    const sheet = workbook.getWorksheet('志愿服务记录')!
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '序号',
      '志愿者姓名',
      '所属服务队',
      '服务内容',
      '服务地点',
      '服务日期',
      '开始时间',
      '结束时间',
      '服务时长（小时）',
      '组织单位',
      '服务评价',
      '记录时间',
    ])
    const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1))
    expect(rows).toContainEqual([
      expect.any(Number),
      '小周',
      '畚乡枫警',
      '除夕前夜巡逻（巡逻）',
      '金涵小区三期北门',
      '2030-01-31',
      '2030-01-31 22:00',
      '2030-02-01 01:30',
      3.5,
      '金溪社区党支部',
      '优秀',
      '2030-02-01 09:00',
    ])
    expect(sheet.getRow(4).getCell(2).value).toBe('合计')
    expect(sheet.getRow(4).getCell(9).value).toBe(6.3)
    expect(workbook.getWorksheet('按服务队汇总')!.rowCount).toBe(3)
    expect(
      c.cloud.store.find('audit', { filter: { action: 'volunteers.exportRecords' } }),
    ).toHaveLength(1)
  })
})

describe('the reminder before the start', () => {
  it('is sent once, by the timer only, to those with a place', async () => {
    const created = await c.callAt(bj('2030-12-01T08:00:00'), STAFF, 'createProject', {
      communityId: COMMUNITY,
      title: '冬至包饺子送老人',
      description: '和星火夕阳一起给独居老人送饺子。',
      serviceType: '关爱老人',
      place: '金溪社区食堂',
      startAt: '2030-12-21T10:00:00+08:00',
      endAt: '2030-12-21T12:00:00+08:00',
      signupDeadline: '2030-12-20T20:00:00+08:00',
      capacity: 1,
      requestId: newRequestId(),
    })
    const id = created.ok && created.data.id
    for (const openid of [MEMBER, LEADER])
      await c.callAt(bj('2030-12-02T08:00:00'), openid, 'signup', {
        projectId: id,
        requestId: newRequestId(),
      })
    c.cloud.openApi.clearOutbox()
    expect(await c.call(MEMBER, 'remindUpcoming', {})).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    expect(await c.timerAt(bj('2030-12-21T07:00:00'), 'remindUpcoming')).toEqual({
      ok: true,
      data: { projects: 0, reminded: 0 },
    })
    expect(await c.timerAt(bj('2030-12-21T08:15:00'), 'remindUpcoming')).toEqual({
      ok: true,
      data: { projects: 1, reminded: 1 },
    })
    expect(await c.timerAt(bj('2030-12-21T08:30:00'), 'remindUpcoming')).toEqual({
      ok: true,
      data: { projects: 0, reminded: 0 },
    })
    expect(c.cloud.openApi.outbox()).toEqual([
      expect.objectContaining({
        touser: MEMBER,
        templateId: TEMPLATES.reminder,
        data: {
          thing1: { value: '冬至包饺子送老人' },
          time2: { value: '2030-12-21 10:00' },
          thing3: { value: '金溪社区食堂' },
        },
      }),
    ])
  })
})

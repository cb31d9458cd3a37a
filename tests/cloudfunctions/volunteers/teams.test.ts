/**
 * The alliance's teams (join, approve, leave, staff changes), 同盟响应, 有事找找志愿者, the staff
 * dashboard past 1000 records, and every list query served by an index.
 */
import {
  ADMIN,
  COMMUNITY,
  LEADER,
  MEMBER,
  OTHER_STAFF,
  RESIDENT,
  STAFF,
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

const LVZHOU = 't-lvzhou-kehou'

describe('teams', () => {
  it('lists the ten teams of 金溪社区 with my membership and the leaders’ names masked', async () => {
    const teams = await c.call(MEMBER, 'listTeams', { communityId: COMMUNITY })
    expect(teams.ok).toBe(true)
    if (!teams.ok) return
    expect(teams.data.map((t: { name: string }) => t.name)).toEqual([
      '旗帜先锋',
      '讲习骑兵',
      '畚乡枫警',
      '律动先锋',
      '蔚蓝星空',
      '科言科语',
      '星火夕阳',
      '医心医意',
      '绿洲课后',
      '金邻一家',
    ])
    const lvzhou = teams.data.find((t: { id: string }) => t.id === LVZHOU)
    // 小周 is a member: the leader's name in full; for a stranger, masked.
    expect(lvzhou).toMatchObject({ leaderName: '郑老师', memberCount: 2, myMembership: 'approved' })
    const asStranger = await c.call(RESIDENT, 'listTeams', { communityId: COMMUNITY })
    expect(
      asStranger.ok && asStranger.data.find((t: { id: string }) => t.id === LVZHOU),
    ).toMatchObject({ leaderName: '郑**', myMembership: null, iLead: false })
  })

  it('lets a resident ask to join; the leader approves; the count follows', async () => {
    expect(await c.call(RESIDENT, 'joinTeam', { teamId: LVZHOU, note: '退休语文老师' })).toEqual({
      ok: true,
      data: { teamId: LVZHOU, status: 'pending' },
    })
    expect(await c.call(RESIDENT, 'joinTeam', { teamId: LVZHOU })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_EXISTS' },
    })
    // The leader sees the request in full, a member does not see requests at all.
    const asLeader = await c.call(LEADER, 'teamDetail', { teamId: LVZHOU })
    expect(asLeader.ok && asLeader.data.pending).toEqual([
      {
        openid: RESIDENT,
        name: '黄大伯',
        note: '退休语文老师',
        requestedAt: expect.any(String),
      },
    ])
    const asMember = await c.call(MEMBER, 'teamDetail', { teamId: LVZHOU })
    expect(asMember.ok && asMember.data).toMatchObject({ pending: [], canManage: false })
    expect(asMember.ok && asMember.data.members.map((m: { name: string }) => m.name)).toEqual([
      '郑**',
      '小*',
    ])

    const before = c.digest()
    for (const openid of [MEMBER, OTHER_STAFF]) {
      expect(
        await c.call(openid, 'reviewMember', {
          teamId: LVZHOU,
          openid: RESIDENT,
          decision: 'approve',
        }),
      ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    }
    expect(
      await c.call(LEADER, 'reviewMember', {
        teamId: LVZHOU,
        openid: RESIDENT,
        decision: 'reject',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '拒绝时请写明理由' } })
    expect(c.digest()).toBe(before)

    expect(
      await c.call(LEADER, 'reviewMember', {
        teamId: LVZHOU,
        openid: RESIDENT,
        decision: 'approve',
      }),
    ).toEqual({ ok: true, data: { teamId: LVZHOU, openid: RESIDENT, status: 'approved' } })
    expect(
      await c.call(STAFF, 'reviewMember', {
        teamId: LVZHOU,
        openid: RESIDENT,
        decision: 'approve',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    expect(c.cloud.store.getById('volunteerTeams', LVZHOU)).toMatchObject({ memberCount: 3 })
    expect(
      c.cloud.store.find('audit', { filter: { action: 'volunteers.reviewMember.approve' } }),
    ).toHaveLength(1)

    expect(await c.call(LEADER, 'leaveTeam', { teamId: LVZHOU })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    })
    expect(await c.call(RESIDENT, 'leaveTeam', { teamId: LVZHOU })).toEqual({
      ok: true,
      data: { teamId: LVZHOU, status: 'left' },
    })
    expect(c.cloud.store.getById('volunteerTeams', LVZHOU)).toMatchObject({ memberCount: 2 })
    // …and may ask again.
    expect(await c.call(RESIDENT, 'joinTeam', { teamId: LVZHOU })).toMatchObject({ ok: true })
  })

  it('lets staff add a team with a leader, who becomes its first member', async () => {
    const input = {
      communityId: COMMUNITY,
      name: '银发守护',
      serviceTypes: ['关爱老人'],
      description: '陪独居老人说说话',
      leaderOpenid: RESIDENT,
    }
    expect(await c.call(LEADER, 'saveTeam', input)).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    const saved = await c.call(STAFF, 'saveTeam', input)
    expect(saved).toMatchObject({
      ok: true,
      data: { name: '银发守护', leaderName: '黄大伯', memberCount: 1 },
    })
    expect(await c.call(STAFF, 'saveTeam', input)).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_EXISTS' },
    })
    const teamId = saved.ok && saved.data.id
    const detail = await c.call(RESIDENT, 'teamDetail', { teamId })
    expect(detail.ok && detail.data).toMatchObject({ iLead: true, canManage: true })
  })
})

describe('同盟响应', () => {
  it('lets the leader of an invited team accept with places, shown on the project', async () => {
    const created = await c.call(STAFF, 'createProject', projectInput())
    const projectId = created.ok && created.data.id
    const teamPage = await c.call(LEADER, 'teamDetail', { teamId: LVZHOU })
    expect(teamPage.ok && teamPage.data.invitations).toContainEqual(
      expect.objectContaining({ projectId, status: 'pending' }),
    )
    const before = c.digest()
    expect(
      await c.call(MEMBER, 'respondToProject', {
        projectId,
        teamId: LVZHOU,
        decision: 'accept',
        places: 3,
      }),
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(
      await c.call(LEADER, 'respondToProject', { projectId, teamId: LVZHOU, decision: 'accept' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '接受邀请时请填写认领人数' },
    })
    expect(
      await c.call(LEADER, 'respondToProject', {
        projectId: 'vpdemo000000000002',
        teamId: LVZHOU,
        decision: 'accept',
        places: 2,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '这个项目没有邀请贵队' },
    })
    expect(c.digest()).toBe(before)

    expect(
      await c.call(LEADER, 'respondToProject', {
        projectId,
        teamId: LVZHOU,
        decision: 'accept',
        places: 3,
        note: '三位老师参加',
      }),
    ).toEqual({
      ok: true,
      data: {
        teamId: LVZHOU,
        name: '绿洲课后',
        status: 'accepted',
        places: 3,
        note: '三位老师参加',
      },
    })
    const detail = await c.call(LEADER, 'projectDetail', { projectId })
    expect(detail.ok && detail.data).toMatchObject({
      pledgedPlaces: 3,
      can: { respondFor: [LVZHOU], organise: false, staff: false },
    })
    expect(
      c.cloud.store.find('audit', { filter: { action: 'volunteers.respondToProject' } }),
    ).toHaveLength(1)
  })

  it('gives staff, the organiser and invited leaders the project’s QR code, scene p=<id>', async () => {
    const qr = await c.call(LEADER, 'projectQr', { projectId: 'vpdemo000000000001' })
    expect(qr).toMatchObject({
      ok: true,
      data: { scene: 'p=vpdemo000000000001', qrImage: expect.stringMatching(/^data:image\/png/) },
    })
    expect(await c.call(RESIDENT, 'projectQr', { projectId: 'vpdemo000000000001' })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
  })
})

describe('有事找找志愿者', () => {
  it('lets a resident of the community ask, and staff turn it into a project in one tap', async () => {
    const ask = {
      communityId: COMMUNITY,
      serviceType: '课后辅导',
      description: '孩子寒假作业有几道数学题不会，想找老师讲一讲',
      place: '17号楼602',
      peopleNeeded: 1,
    }
    // 黄大伯 lives in 鹤峰社区, not 金溪社区.
    expect(
      await c.call(RESIDENT, 'requestHelp', { ...ask, requestId: newRequestId() }),
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    c.cloud.openApi.setBlockedWords(['违禁词'])
    expect(
      await c.call(MEMBER, 'requestHelp', {
        ...ask,
        description: '这里有违禁词的求助内容',
        requestId: newRequestId(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })

    const requestId = newRequestId()
    const asked = await c.call(MEMBER, 'requestHelp', { ...ask, requestId })
    expect(asked).toMatchObject({ ok: true, data: { status: 'open', requesterName: '小周' } })
    expect(await c.call(MEMBER, 'requestHelp', { ...ask, requestId })).toEqual(asked)
    const helpRequestId = asked.ok && asked.data.id

    const open = await c.call(STAFF, 'listHelpRequests', { communityId: COMMUNITY })
    expect(open.ok && open.data.items.map((r: { id: string }) => r.id)).toContain(helpRequestId)
    expect(await c.call(LEADER, 'listHelpRequests', { communityId: COMMUNITY })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })

    const tap = newRequestId()
    const [first, second] = await Promise.all([
      c.call(STAFF, 'convertHelpRequest', { helpRequestId, requestId: tap }),
      c.call(STAFF, 'convertHelpRequest', { helpRequestId, requestId: tap }),
    ])
    expect(first).toMatchObject({
      ok: true,
      data: {
        serviceType: '课后辅导',
        capacity: 1,
        helpRequestId,
        invitedTeams: [expect.objectContaining({ teamId: LVZHOU })],
        phase: 'signup',
      },
    })
    expect(second.ok && second.data.id).toBe(first.ok && first.data.id)
    expect(c.cloud.store.find('volunteerProjects', { filter: { helpRequestId } })).toHaveLength(1)
    expect(
      await c.call(STAFF, 'convertHelpRequest', { helpRequestId, requestId: newRequestId() }),
    ).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    const mine = await c.call(MEMBER, 'myHelpRequests', {})
    expect(mine.ok && mine.data[0]).toMatchObject({
      id: helpRequestId,
      status: 'converted',
      projectId: first.ok && first.data.id,
    })
  })
})

describe('the staff dashboard', () => {
  it('adds up more than 1000 records exactly, and is for staff only', async () => {
    // 1,500 confirmed services in March 2031 over 30 projects, written straight into the store.
    const months = ['2031-03']
    c.cloud.store.atomically(() => {
      for (let p = 0; p < 30; p++) {
        const projectId = `vpbulk${String(p).padStart(12, '0')}`
        const startAt = new Date(Date.UTC(2031, 2, 1 + p, 1))
        c.cloud.store.write('volunteerProjects', projectId, {
          ...(c.cloud.store.getById('volunteerProjects', 'vpdemo000000000004') as object),
          _id: projectId,
          startAt,
          endAt: new Date(startAt.getTime() + 3600_000),
          month: months[0],
        })
        for (let v = 0; v < 50; v++) {
          const openid = `test-bulk-${v}`
          c.cloud.store.write('volunteerSignups', `${projectId}_${openid}`, {
            projectId,
            communityId: COMMUNITY,
            openid,
            name: `志愿者${v}`,
            teamId: v % 2 ? LVZHOU : 't-benxiang-fengjing',
            status: 'confirmed',
            order: v,
            requestId: `bulk-${p}-${v}`,
            signedUpAt: startAt,
            passCode: 'bulk0000',
            title: '批量',
            serviceType: '巡逻',
            place: '小区',
            startAt,
            endAt: new Date(startAt.getTime() + 3600_000),
            month: months[0],
            organisingBody: '金溪社区党支部',
            hoursStatus: 'confirmed',
            confirmedMinutes: 30 + (v % 7),
            evaluation: 'good',
            confirmedAt: startAt,
          })
        }
      }
    })
    const expectedMinutes =
      30 * Array.from({ length: 50 }, (_v, v) => 30 + (v % 7)).reduce((a, b) => a + b, 0)
    const dashboard = await c.call(STAFF, 'dashboard', { communityId: COMMUNITY, year: 2031 })
    expect(dashboard).toMatchObject({
      ok: true,
      data: {
        projectsLaunched: 30,
        services: 1500,
        volunteers: 50,
        minutes: expectedMinutes,
        hours: Math.round((expectedMinutes / 60) * 10) / 10,
      },
    })
    expect(dashboard.ok && dashboard.data.months[2]).toMatchObject({
      month: '2031-03',
      projects: 30,
      services: 1500,
    })
    const ranking = await c.call(RESIDENT, 'teamRanking', {
      communityId: COMMUNITY,
      month: '2031-03',
    })
    expect(
      ranking.ok && ranking.data.slice(0, 2).map((r: { services: number }) => r.services),
    ).toEqual([750, 750])

    const exported = await c.call(STAFF, 'exportRecords', {
      communityId: COMMUNITY,
      month: '2031-03',
    })
    expect(exported).toMatchObject({ ok: true, data: { rows: 1500 } })

    for (const openid of [LEADER, OTHER_STAFF]) {
      expect(
        await c.call(openid, 'dashboard', { communityId: COMMUNITY, year: 2031 }),
      ).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED' },
      })
    }
    expect(await c.call(ADMIN, 'dashboard', { communityId: COMMUNITY, year: 2031 })).toMatchObject({
      ok: true,
    })
  }, 60_000)
})

describe('indexes', () => {
  it('serve every list query of the volunteers actions', async () => {
    c.cloud.store.unindexedQueries.length = 0
    const projectId = 'vpdemo000000000001'
    const created = await c.call(STAFF, 'createProject', projectInput({ capacity: 1 }))
    const fresh = created.ok && created.data.id
    await c.call(MEMBER, 'signup', { projectId: fresh, requestId: newRequestId() })
    await c.call(LEADER, 'signup', { projectId: fresh, requestId: newRequestId() })
    await c.call(MEMBER, 'cancelSignup', { projectId: fresh })
    const calls: Array<[string, string, Record<string, unknown>]> = [
      [MEMBER, 'listProjects', {}],
      [MEMBER, 'listProjects', { communityId: COMMUNITY }],
      [MEMBER, 'projectDetail', { projectId }],
      [MEMBER, 'mySignups', { scope: 'upcoming' }],
      [MEMBER, 'mySignups', { scope: 'past' }],
      [MEMBER, 'myRecords', {}],
      [MEMBER, 'listTeams', { communityId: COMMUNITY }],
      [LEADER, 'teamDetail', { teamId: LVZHOU }],
      [STAFF, 'listSignups', { projectId }],
      [STAFF, 'listHelpRequests', { communityId: COMMUNITY }],
      [MEMBER, 'myHelpRequests', {}],
      [RESIDENT, 'teamRanking', { communityId: COMMUNITY, month: '2026-11' }],
      [STAFF, 'dashboard', { communityId: COMMUNITY, year: 2026 }],
      [STAFF, 'exportRecords', { communityId: COMMUNITY, month: '2026-11' }],
      [STAFF, 'cancelProject', { projectId: fresh, reason: '测试' }],
    ]
    for (const [openid, action, input] of calls) {
      const result = await c.call(openid, action, input)
      expect([action, result.ok]).toEqual([action, true])
    }
    await c.timerAt(new Date(), 'remindUpcoming')
    expect(c.cloud.store.unindexedQueries).toEqual([])
  })
})

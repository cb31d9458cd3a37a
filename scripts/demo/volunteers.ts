/**
 * 近邻志愿同盟 in the demo: the ten teams of 金溪社区 with their leaders and members, projects
 * launched by the party branch (one only for 畚乡枫警, one asking for a skill), team responses,
 * signups, two past projects with confirmed hours (so that records, the ranking and the
 * dashboard have something to show) and a resident's request for help. All people fictional.
 */
import { createHash } from 'node:crypto'
import { monthKey } from '../../cloudfunctions/shared/time'
import { membershipId, responseId, signupId } from '../../cloudfunctions/volunteers/lib/access'
import { DEMO_VOLUNTEER_TEAMS } from './places'
import { DEMO_USERS } from './users'

type Doc = Record<string, unknown>

const DAY = 24 * 3600_000
const HOUR = 3600_000
const ORGANISER = 'demo-staff-jinxi'
const COMMUNITY = 'c-jinxi'

/** The Beijing calendar day `days` from `now`, at `hour`:`minute`, as an instant. */
function beijing(now: Date, days: number, hour: number, minute = 0): Date {
  const shanghai = new Date(now.getTime() + 8 * HOUR + days * DAY)
  return new Date(
    Date.UTC(
      shanghai.getUTCFullYear(),
      shanghai.getUTCMonth(),
      shanghai.getUTCDate(),
      hour - 8,
      minute,
    ),
  )
}

const secretOf = (id: string) => createHash('sha256').update(`demo-secret-${id}`).digest('hex')
const nameOf = (openid: string) => DEMO_USERS.find((u) => u.openid === openid)?.displayName ?? ''

interface DemoProject {
  id: string
  title: string
  description: string
  serviceType: string
  place: string
  start: Date
  hours: number
  capacity: number
  invited: string[]
  conditionTeams?: string[]
  skills?: string[]
  responses?: Record<string, number | 'declined'>
  /** openid → team the volunteer serves with, and the minutes confirmed if it is past. */
  signups?: Array<{ openid: string; teamId: string | null; minutes?: number }>
}

/**
 * Leaders of the teams other than 绿洲课后 (whose leader, 郑老师, is a demo user one can act as):
 * fictional, many with the surnames of the She people of 金涵畲族乡.
 */
const OTHER_LEADERS: Record<string, string> = {
  't-qizhi-xianfeng': '陈志明',
  't-jiangxi-qibing': '林秀英',
  't-benxiang-fengjing': '雷建华',
  't-lvdong-xianfeng': '蓝海明',
  't-weilan-xingkong': '钟晓燕',
  't-keyan-keyu': '吴思远',
  't-xinghuo-xiyang': '雷美玉',
  't-yixin-yiyi': '钟文华',
  't-jinlin-yijia': '蓝春梅',
}

const leaderOpenid = (teamId: string) => `demo-leader-${teamId.slice(2)}`

export function demoVolunteerDocuments(now: Date): Record<string, Doc[]> {
  const users: Doc[] = Object.entries(OTHER_LEADERS).map(([teamId, displayName]) => ({
    _id: leaderOpenid(teamId),
    openid: leaderOpenid(teamId),
    displayName,
    roles: [],
    createdAt: now,
  }))
  const teams: Doc[] = []
  const memberships: Doc[] = []
  DEMO_VOLUNTEER_TEAMS.forEach((team, index) => {
    const leader =
      DEMO_USERS.find((u) => u.leaderOf === team.id)?.openid ??
      (OTHER_LEADERS[team.id] ? leaderOpenid(team.id) : undefined)
    const members = [
      ...new Set([
        ...(leader ? [leader] : []),
        ...DEMO_USERS.filter((u) => u.memberOf?.includes(team.id)).map((u) => u.openid),
      ]),
    ]
    teams.push({
      _id: team.id,
      communityId: COMMUNITY,
      name: team.name,
      description: team.description,
      serviceTypes: team.serviceTypes,
      leaderOpenid: leader ?? null,
      memberCount: members.length,
      // A millisecond apart: the teams list in the report's order.
      createdAt: new Date(now.getTime() + index),
    })
    for (const member of members) {
      memberships.push({
        _id: membershipId(team.id, member),
        teamId: team.id,
        communityId: COMMUNITY,
        openid: member,
        status: 'approved',
        requestedAt: now,
        joinedAt: now,
        reviewedBy: leader ?? ORGANISER,
        reviewedAt: now,
      })
    }
  })

  const projects: DemoProject[] = [
    {
      id: 'vpdemo000000000001',
      title: '寒假课业辅导',
      description:
        '假期里家长上班，孩子作业没人辅导。“绿洲课后”的老师们在社区活动室陪孩子们写作业、读课外书。',
      serviceType: '课后辅导',
      place: '金溪社区党群服务中心二楼活动室',
      start: beijing(now, 3, 9),
      hours: 2.5,
      capacity: 8,
      invited: ['t-lvzhou-kehou', 't-jinlin-yijia'],
      responses: { 't-lvzhou-kehou': 4 },
      signups: [
        { openid: 'demo-leader-lvzhou', teamId: 't-lvzhou-kehou' },
        { openid: 'demo-volunteer-zhou', teamId: 't-lvzhou-kehou' },
      ],
    },
    {
      id: 'vpdemo000000000002',
      title: '金涵小区夜间巡逻',
      description: '每晚定时定点巡逻，查看楼道消防通道、电动车充电情况，提醒居民关好门窗。',
      serviceType: '巡逻',
      place: '金涵小区二期B区东门集合',
      start: beijing(now, 1, 20),
      hours: 3,
      capacity: 4,
      invited: ['t-benxiang-fengjing'],
      conditionTeams: ['t-benxiang-fengjing'],
      responses: { 't-benxiang-fengjing': 4 },
      signups: [{ openid: 'demo-volunteer-zhou', teamId: 't-benxiang-fengjing' }],
    },
    {
      id: 'vpdemo000000000003',
      title: '送医送药进家门',
      description: '为行动不便的老人把社区卫生服务站开好的药送到家，顺便量一量血压。',
      serviceType: '送医送药',
      place: '金溪社区卫生服务站',
      start: beijing(now, 5, 14),
      hours: 2,
      capacity: 3,
      invited: ['t-yixin-yiyi', 't-xinghuo-xiyang'],
      skills: ['会骑电动车'],
      responses: { 't-xinghuo-xiyang': 'declined' },
    },
    {
      id: 'vpdemo000000000004',
      title: '理论宣讲进楼道',
      description: '在睦邻楼道里讲一讲身边的好人好事和新出台的惠民政策。',
      serviceType: '理论宣传',
      place: '金涵小区二期B区17号楼架空层',
      start: beijing(now, -10, 19),
      hours: 1.5,
      capacity: 6,
      invited: ['t-qizhi-xianfeng', 't-lvzhou-kehou'],
      responses: { 't-lvzhou-kehou': 2 },
      signups: [
        { openid: 'demo-leader-lvzhou', teamId: 't-lvzhou-kehou', minutes: 90 },
        { openid: 'demo-volunteer-zhou', teamId: 't-lvzhou-kehou', minutes: 80 },
      ],
    },
    {
      id: 'vpdemo000000000005',
      title: '社区治安巡逻',
      description: '周末白天巡逻，重点是小区出入口和快递柜。',
      serviceType: '社区治安',
      place: '金涵小区三期北门',
      start: beijing(now, -40, 9),
      hours: 3,
      capacity: 5,
      invited: ['t-benxiang-fengjing'],
      responses: { 't-benxiang-fengjing': 3 },
      signups: [{ openid: 'demo-volunteer-zhou', teamId: 't-benxiang-fengjing', minutes: 180 }],
    },
  ]

  const docs: Record<string, Doc[]> = {
    users,
    volunteerTeams: teams,
    volunteerMemberships: memberships,
    volunteerProjects: [],
    volunteerProjectSecrets: [],
    volunteerTeamResponses: [],
    volunteerSignups: [],
    volunteerHelpRequests: [],
  }
  for (const p of projects) {
    const end = new Date(p.start.getTime() + p.hours * HOUR)
    const deadline = new Date(p.start.getTime() - 12 * HOUR)
    const month = monthKey(p.start)
    const signups = p.signups ?? []
    docs['volunteerProjects']!.push({
      _id: p.id,
      communityId: COMMUNITY,
      title: p.title,
      description: p.description,
      serviceType: p.serviceType,
      place: p.place,
      startAt: p.start,
      endAt: end,
      signupDeadline: deadline,
      month,
      capacity: p.capacity,
      conditionTeamIds: p.conditionTeams ?? [],
      skills: p.skills ?? [],
      invitedTeamIds: p.invited,
      organisingBody: '金溪社区党支部',
      organiserOpenid: ORGANISER,
      status: 'open',
      confirmedCount: signups.length,
      waitlistCount: 0,
      nextOrder: signups.length,
      promotions: 0,
      reminderSent: end.getTime() < now.getTime(),
      requestId: `demo-${p.id}`,
      createdAt: new Date(p.start.getTime() - 7 * DAY),
    })
    docs['volunteerProjectSecrets']!.push({ _id: p.id, secret: secretOf(p.id), createdAt: now })
    for (const teamId of p.invited) {
      const answer = p.responses?.[teamId]
      docs['volunteerTeamResponses']!.push({
        _id: responseId(p.id, teamId),
        projectId: p.id,
        teamId,
        communityId: COMMUNITY,
        title: p.title,
        startAt: p.start,
        status: answer === undefined ? 'pending' : answer === 'declined' ? 'declined' : 'accepted',
        places: typeof answer === 'number' ? answer : 0,
        invitedAt: new Date(p.start.getTime() - 7 * DAY),
        ...(answer === undefined ? {} : { respondedBy: 'demo-seed', respondedAt: now }),
      })
    }
    signups.forEach((s, order) => {
      const past = s.minutes !== undefined
      docs['volunteerSignups']!.push({
        _id: signupId(p.id, s.openid),
        projectId: p.id,
        communityId: COMMUNITY,
        openid: s.openid,
        name: nameOf(s.openid),
        teamId: s.teamId,
        status: 'confirmed',
        order,
        requestId: `demo-${p.id}-${order}`,
        signedUpAt: new Date(p.start.getTime() - 5 * DAY),
        passCode: `demo${String(order).padStart(4, '0')}`,
        title: p.title,
        serviceType: p.serviceType,
        place: p.place,
        startAt: p.start,
        endAt: end,
        month,
        organisingBody: '金溪社区党支部',
        hoursStatus: past ? 'confirmed' : 'none',
        ...(past
          ? {
              checkIn: { at: p.start, method: 'code', by: s.openid },
              checkOut: {
                at: new Date(p.start.getTime() + s.minutes! * 60_000),
                method: 'code',
                by: s.openid,
              },
              computedMinutes: s.minutes,
              confirmedMinutes: s.minutes,
              corrected: false,
              evaluation: 'excellent',
              confirmedBy: ORGANISER,
              confirmedAt: end,
            }
          : {}),
      })
    })
  }
  docs['volunteerHelpRequests']!.push({
    _id: 'vh-demo-0001',
    communityId: COMMUNITY,
    openid: 'demo-volunteer-zhou',
    requesterName: nameOf('demo-volunteer-zhou'),
    serviceType: '邻里互助',
    description: '楼下独居的陈奶奶家水龙头漏水，想找人帮忙换一个。',
    place: '金涵小区二期B区17号楼',
    preferredStart: beijing(now, 2, 10),
    peopleNeeded: 1,
    status: 'open',
    requestId: 'demo-help-0001',
    createdAt: now,
  })
  return docs
}

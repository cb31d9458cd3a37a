/** How the volunteer pages say things: phases, statuses, times, and the scenes of QR codes. */
import type {
  Evaluation,
  HoursStatus,
  ProjectPhase,
  ProjectSummary,
  SignupStatus,
  TeamResponseStatus,
} from '../../typings'
import { formatBeijing } from './time'

export const PHASE_WORDS: Record<ProjectPhase, { text: string; tag: string }> = {
  signup: { text: '报名中', tag: 'danger' },
  closed: { text: '报名已截止', tag: 'warning' },
  ongoing: { text: '进行中', tag: 'success' },
  ended: { text: '已结束', tag: 'default' },
  cancelled: { text: '已取消', tag: 'default' },
}

export const SIGNUP_WORDS: Record<SignupStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
}

export const HOURS_WORDS: Record<HoursStatus, string> = {
  none: '未签退',
  pending: '待确认',
  confirmed: '已确认',
}

export const RESPONSE_WORDS: Record<TeamResponseStatus, string> = {
  pending: '待响应',
  accepted: '已响应',
  declined: '已婉拒',
}

export const EVALUATIONS: Array<{ key: Evaluation; text: string }> = [
  { key: 'excellent', text: '优秀' },
  { key: 'good', text: '良好' },
  { key: 'satisfactory', text: '合格' },
]

/** 11月28日 周六 09:00–11:30, or across days 10月31日 22:00 – 11月1日 01:30. */
export function timeRange(startAt: string, endAt: string): string {
  const days = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
  const start = formatBeijing(startAt, 'M月D日')
  const end = formatBeijing(endAt, 'M月D日')
  const weekday = days[Number(formatBeijing(startAt, 'd'))]
  const from = formatBeijing(startAt, 'HH:mm')
  const to = formatBeijing(endAt, 'HH:mm')
  return start === end ? `${start} ${weekday} ${from}–${to}` : `${start} ${from} – ${end} ${to}`
}

export function hoursText(minutes: number | null): string {
  if (minutes === null) return '—'
  return `${Math.round((minutes / 60) * 10) / 10} 小时`
}

export interface ProjectCard extends ProjectSummary {
  phaseText: string
  phaseTag: string
  timeText: string
  placesText: string
}

export function toProjectCard(project: ProjectSummary): ProjectCard {
  const waiting = project.waitlistCount ? `，候补 ${project.waitlistCount} 人` : ''
  return {
    ...project,
    phaseText: PHASE_WORDS[project.phase].text,
    phaseTag: PHASE_WORDS[project.phase].tag,
    timeText: timeRange(project.startAt, project.endAt),
    placesText: `已报名 ${project.confirmedCount}/${project.capacity}${waiting}`,
  }
}

/**
 * What a QR code opened the project page with: WeChat passes `scene` URL-encoded. `p=<id>` is a
 * project, `c=<id>&k=<code>` its check-in, `v=<pass>` a volunteer's pass.
 */
export function parseScene(raw: string | undefined): Record<string, string> {
  const fields: Record<string, string> = {}
  if (!raw) return fields
  let scene = raw
  try {
    scene = decodeURIComponent(raw)
  } catch {
    // Not encoded after all.
  }
  for (const part of scene.split('&')) {
    const at = part.indexOf('=')
    if (at > 0) fields[part.slice(0, at)] = part.slice(at + 1)
  }
  return fields
}

/** The scene inside what wx.scanCode read from a mini-program code (`path`) or a plain QR code. */
export function sceneOfScan(result: { path?: string; result?: string }): Record<string, string> {
  const text = result.path || result.result || ''
  const match = /[?&]scene=(.*)$/.exec(text)
  return parseScene(match ? match[1] : text)
}

/** The kinds of service the teams offer, each once, in the order the teams list them. */
export function serviceTypesOf(teams: ReadonlyArray<{ serviceTypes: string[] }>): string[] {
  const types: string[] = []
  for (const team of teams)
    for (const type of team.serviceTypes) if (types.indexOf(type) < 0) types.push(type)
  return types
}

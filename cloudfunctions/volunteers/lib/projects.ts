/**
 * Launching a project (党支部发起) and showing one. Used by createProject and by
 * convertHelpRequest, which launches one from a resident's request in one tap.
 */
import { createHash } from 'node:crypto'
import type { ProjectDetail, VolunteerOnList } from '../../../typings/volunteers'
import { appendAudit } from '../../shared/audit'
import { isStaffOf, type Caller } from '../../shared/caller'
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { isDuplicateKey } from '../../shared/idempotency'
import { byIds, getCommunity } from '../../shared/lookups'
import { COLLECTIONS, type UserDoc } from '../../shared/model'
import { monthKey } from '../../shared/time'
import { approvedTeamIds, isOrganiser, leads, nameFor, responseId, signupId } from './access'
import { settleQueued } from './allocate'
import { newSecret } from './codes'
import {
  VOLUNTEER_COLLECTIONS,
  type HelpRequestDoc,
  type ProjectDoc,
  type SignupDoc,
  type TeamDoc,
  type TeamResponseDoc,
} from './model'
import { overlapsFor } from './overlaps'
import { projectPage } from './qr'
import { mySignupView, projectSummary, waitlistRank } from './views'

/** Short enough for a QR scene (`c=<id>&k=<code>` ≤ 32): `vp` + 16 hex, derived from the request. */
export function projectIdFor(openid: string, requestId: string): string {
  return `vp${createHash('sha256').update(`${openid}\u0000${requestId}`).digest('hex').slice(0, 16)}`
}

export const sharePath = (projectId: string) => `/${projectPage(projectId)}`

export interface ProjectFields {
  communityId: string
  title: string
  description: string
  serviceType: string
  place: string
  startAt: Date
  endAt: Date
  signupDeadline: Date
  capacity: number
  invitedTeamIds: string[]
  conditionTeamIds: string[]
  skills: string[]
  organisingBody?: string | undefined
  helpRequestId?: string | undefined
}

/** The checks on times that a schema cannot make alone; nothing is written before they pass. */
export function checkTimes(fields: ProjectFields, now: Date): void {
  const bad = (field: string, message: string) =>
    new AppError('INVALID_ARGUMENT', message, [{ field, message }])
  if (fields.endAt.getTime() <= fields.startAt.getTime())
    throw bad('endAt', '结束时间必须晚于开始时间')
  if (fields.endAt.getTime() - fields.startAt.getTime() > 7 * 24 * 3600_000)
    throw bad('endAt', '一个项目最长 7 天，长期服务请分期发布')
  if (fields.startAt.getTime() <= now.getTime()) throw bad('startAt', '开始时间已经过去了')
  if (fields.signupDeadline.getTime() > fields.startAt.getTime())
    throw bad('signupDeadline', '报名截止时间不能晚于开始时间')
  if (fields.signupDeadline.getTime() <= now.getTime())
    throw bad('signupDeadline', '报名截止时间已经过去了')
}

/**
 * Creates the project, its check-in secret and an invitation per invited team. A repeat of the
 * same request answers the project it created; every step can be repeated safely.
 */
export async function launchProject(
  db: Database,
  caller: Caller,
  fields: ProjectFields,
  requestId: string,
  now: Date,
): Promise<ProjectDoc> {
  const id = projectIdFor(caller.openid, requestId)
  const projects = db.collection<ProjectDoc>(VOLUNTEER_COLLECTIONS.projects)
  const existing = await projects.doc(id).get()
  if (existing.data) return existing.data

  const community = await getCommunity(db, fields.communityId)
  checkTimes(fields, now)
  const teamIds = [...new Set([...fields.invitedTeamIds, ...fields.conditionTeamIds])]
  const teams = await byIds<TeamDoc>(db, VOLUNTEER_COLLECTIONS.teams, teamIds)
  for (const teamId of teamIds) {
    if (teams.get(teamId)?.communityId !== community._id)
      throw new AppError('INVALID_ARGUMENT', '只能邀请本社区的志愿服务队', [
        { field: 'invitedTeamIds', message: `没有找到服务队 ${teamId}` },
      ])
  }

  if (fields.helpRequestId) {
    // Claimed before the project exists, so that two staff tapping at once make one project.
    const { stats } = await db
      .collection<HelpRequestDoc>(VOLUNTEER_COLLECTIONS.helpRequests)
      .where({ _id: fields.helpRequestId, communityId: community._id, status: 'open' })
      .update({
        data: { status: 'converted', projectId: id, convertedBy: caller.openid, convertedAt: now },
      })
    if (stats.updated !== 1) {
      const { data: request } = await db
        .collection<HelpRequestDoc>(VOLUNTEER_COLLECTIONS.helpRequests)
        .doc(fields.helpRequestId)
        .get()
      if (!request || request.communityId !== community._id)
        throw new AppError('NOT_FOUND', '没有找到这条求助')
      if (request.projectId !== id)
        throw new AppError('FAILED_PRECONDITION', '这条求助已经处理过了')
    }
  }

  await db
    .collection(VOLUNTEER_COLLECTIONS.secrets)
    .doc(id)
    .set({ data: { secret: newSecret(), createdAt: now } })
  const project: ProjectDoc = {
    _id: id,
    communityId: community._id,
    title: fields.title,
    description: fields.description,
    serviceType: fields.serviceType,
    place: fields.place,
    startAt: fields.startAt,
    endAt: fields.endAt,
    signupDeadline: fields.signupDeadline,
    month: monthKey(fields.startAt),
    capacity: fields.capacity,
    conditionTeamIds: fields.conditionTeamIds,
    skills: fields.skills,
    invitedTeamIds: fields.invitedTeamIds,
    organisingBody: fields.organisingBody || `${community.name}党支部`,
    organiserOpenid: caller.openid,
    status: 'open',
    confirmedCount: 0,
    waitlistCount: 0,
    nextOrder: 0,
    promotions: 0,
    arrivalsDecided: 0,
    reminderSent: false,
    ...(fields.helpRequestId ? { helpRequestId: fields.helpRequestId } : {}),
    requestId,
    createdAt: now,
  }
  for (const teamId of fields.invitedTeamIds) {
    const invitation: Omit<TeamResponseDoc, '_id'> = {
      projectId: id,
      teamId,
      communityId: community._id,
      title: project.title,
      startAt: project.startAt,
      status: 'pending',
      places: 0,
      invitedAt: now,
    }
    await db
      .collection<TeamResponseDoc>(VOLUNTEER_COLLECTIONS.responses)
      .doc(responseId(id, teamId))
      .set({ data: invitation })
  }
  try {
    await projects.add({ data: project })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const { data } = await projects.doc(id).get()
    return data!
  }
  await appendAudit(db, {
    actor: caller.openid,
    action: 'volunteers.createProject',
    target: { collection: VOLUNTEER_COLLECTIONS.projects, id },
    communityId: community._id,
    after: {
      title: project.title,
      startAt: project.startAt,
      endAt: project.endAt,
      capacity: project.capacity,
      invitedTeamIds: project.invitedTeamIds,
      ...(project.helpRequestId ? { helpRequestId: project.helpRequestId } : {}),
    },
  })
  return project
}

/** The first `limit` on the list: confirmed in order of arrival, then the waitlist in order. */
async function listHead(db: Database, projectId: string, limit: number): Promise<SignupDoc[]> {
  const signups = db.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
  const { data: confirmed } = await signups
    .where({ projectId, status: 'confirmed' })
    .orderBy('order', 'asc')
    .limit(limit)
    .get()
  if (confirmed.length >= limit) return confirmed
  const { data: waiting } = await signups
    .where({ projectId, status: 'waitlisted' })
    .orderBy('order', 'asc')
    .limit(limit - confirmed.length)
    .get()
  return [...confirmed, ...waiting]
}

export async function projectDetail(
  db: Database,
  caller: Caller,
  project: ProjectDoc,
  now: Date,
): Promise<ProjectDetail> {
  const ownId = signupId(project._id, caller.openid)
  const signups = db.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
  const own = await signups.doc(ownId).get()
  // A signup still being decided (the tap a moment ago, or one whose function stopped): decide it,
  // then read what was decided.
  const settling = own.data?.status === 'queued' ? own.data : null
  if (settling) await settleQueued(db, settling, now)
  const [community, { data: responses }, { data: mine }, myTeamIds, head, organiser] =
    await Promise.all([
      getCommunity(db, project.communityId),
      db
        .collection<TeamResponseDoc>(VOLUNTEER_COLLECTIONS.responses)
        .where({ projectId: project._id })
        .limit(50)
        .get(),
      settling ? signups.doc(ownId).get() : own,
      approvedTeamIds(db, caller.openid),
      listHead(db, project._id, 50),
      byIds<UserDoc>(db, COLLECTIONS.users, [project.organiserOpenid]),
    ])
  const teams = await byIds<TeamDoc>(db, VOLUNTEER_COLLECTIONS.teams, [
    ...project.invitedTeamIds,
    ...project.conditionTeamIds,
    ...myTeamIds,
    ...head.flatMap((s) => (s.teamId ? [s.teamId] : [])),
  ])
  const teamName = (id: string | null) => (id ? (teams.get(id)?.name ?? null) : null)
  const staff = isStaffOf(caller, project.communityId)
  const organise = isOrganiser(caller, project)
  const byTeam = new Map(responses.map((r) => [r.teamId, r]))
  const invitedTeams = project.invitedTeamIds.map((teamId) => {
    const response = byTeam.get(teamId)
    return {
      teamId,
      name: teamName(teamId) ?? '',
      status: response?.status ?? 'pending',
      places: response?.places ?? 0,
      note: response?.note ?? null,
    }
  })
  const active = mine && mine.status !== 'cancelled' ? mine : null
  const volunteers: VolunteerOnList[] = head.map((s) => ({
    name: nameFor(s.name, staff || organise),
    teamName: teamName(s.teamId),
    status: s.status === 'waitlisted' ? 'waitlisted' : 'confirmed',
  }))
  const organiserUser = organiser.get(project.organiserOpenid)
  const [rank, overlaps] = await Promise.all([
    mine ? waitlistRank(db, mine) : null,
    project.status === 'open' ? overlapsFor(db, caller.openid, project, active?._id) : [],
  ])
  return {
    ...projectSummary(project, community.name, now),
    description: project.description,
    conditions: {
      teams: project.conditionTeamIds.map((id) => ({ id, name: teamName(id) ?? '' })),
      skills: project.skills,
    },
    invitedTeams,
    pledgedPlaces: invitedTeams.reduce(
      (sum, t) => sum + (t.status === 'accepted' ? t.places : 0),
      0,
    ),
    organiserName: nameFor(
      organiserUser?.realName || organiserUser?.displayName || '社区工作人员',
      staff || organise,
    ),
    volunteers,
    mine: mine ? mySignupView(mine, rank, teamName(mine.teamId)) : null,
    overlaps,
    myTeams: myTeamIds.map((id) => ({ id, name: teamName(id) ?? '' })),
    helpRequestId: project.helpRequestId ?? null,
    cancelReason: project.cancelReason ?? null,
    can: {
      organise,
      staff,
      respondFor: project.invitedTeamIds.filter((id) => {
        const team = teams.get(id)
        return team !== undefined && leads(caller, team)
      }),
    },
    sharePath: sharePath(project._id),
  }
}

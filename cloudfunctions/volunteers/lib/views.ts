/** Documents as the client sees them: ISO instants, the project's phase, ranks in the waitlist. */
import type {
  MySignupView,
  OrganiserSignupView,
  ProjectSummary,
  ServiceRecord,
  SignupStatus,
} from '../../../typings/volunteers'
import type { Database } from '../../shared/cloud'
import { byIds } from '../../shared/lookups'
import { COLLECTIONS, type CommunityDoc } from '../../shared/model'
import { dayKey } from '../../shared/time'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type SignupDoc, type TeamDoc } from './model'
import { EVALUATION_LABELS, hoursOf, phaseOf } from './rules'

export const iso = (date: Date | string | undefined | null): string | null =>
  date ? new Date(date).toISOString() : null

export function projectSummary(
  project: ProjectDoc,
  communityName: string,
  now: Date,
): ProjectSummary {
  return {
    id: project._id,
    communityId: project.communityId,
    communityName,
    title: project.title,
    serviceType: project.serviceType,
    place: project.place,
    startAt: iso(project.startAt)!,
    endAt: iso(project.endAt)!,
    signupDeadline: iso(project.signupDeadline)!,
    capacity: project.capacity,
    confirmedCount: project.confirmedCount,
    waitlistCount: project.waitlistCount,
    phase: phaseOf(project, now),
    organisingBody: project.organisingBody,
  }
}

export async function projectSummaries(
  db: Database,
  projects: ProjectDoc[],
  now: Date,
): Promise<ProjectSummary[]> {
  const communities = await byIds<CommunityDoc>(
    db,
    COLLECTIONS.communities,
    projects.map((p) => p.communityId),
  )
  return projects.map((p) => projectSummary(p, communities.get(p.communityId)?.name ?? '', now))
}

export async function teamNames(
  db: Database,
  ids: Array<string | null>,
): Promise<Map<string, string>> {
  const teams = await byIds<TeamDoc>(
    db,
    VOLUNTEER_COLLECTIONS.teams,
    ids.filter((id): id is string => Boolean(id)),
  )
  return new Map([...teams.values()].map((t) => [t._id, t.name]))
}

/** A signup still queued (decided within moments) shows as waiting. */
export function publicStatus(signup: SignupDoc): SignupStatus {
  return signup.status === 'queued' ? 'waitlisted' : signup.status
}

/** 1-based place among those still waiting. */
export async function waitlistRank(db: Database, signup: SignupDoc): Promise<number | null> {
  if (signup.status !== 'waitlisted') return null
  const { total } = await db
    .collection(VOLUNTEER_COLLECTIONS.signups)
    .where({
      projectId: signup.projectId,
      status: 'waitlisted',
      order: db.command['lt']!(signup.order),
    })
    .count()
  return total + 1
}

export function mySignupView(
  signup: SignupDoc,
  rank: number | null,
  teamName: string | null,
): MySignupView {
  return {
    projectId: signup.projectId,
    status: publicStatus(signup),
    waitlistRank: rank,
    teamId: signup.teamId,
    teamName,
    name: signup.name,
    signedUpAt: iso(signup.signedUpAt)!,
    promotedAt: iso(signup.promotedAt),
    checkedInAt: iso(signup.checkIn?.at),
    checkedOutAt: iso(signup.checkOut?.at),
    computedMinutes: signup.computedMinutes ?? null,
    hoursStatus: signup.hoursStatus,
    confirmedMinutes: signup.confirmedMinutes ?? null,
    evaluation: signup.evaluation ?? null,
  }
}

export function organiserSignupView(
  signup: SignupDoc,
  rank: number | null,
  teamName: string | null,
): OrganiserSignupView {
  return {
    openid: signup.openid,
    name: signup.name,
    teamName,
    status: publicStatus(signup),
    waitlistRank: rank,
    signedUpAt: iso(signup.signedUpAt)!,
    checkedInAt: iso(signup.checkIn?.at),
    checkedOutAt: iso(signup.checkOut?.at),
    checkInMethod: signup.checkIn?.method ?? null,
    computedMinutes: signup.computedMinutes ?? null,
    hoursStatus: signup.hoursStatus,
    confirmedMinutes: signup.confirmedMinutes ?? null,
    corrected: signup.corrected ?? false,
    evaluation: signup.evaluation ?? null,
  }
}

/** A confirmed signup as a 志愿服务记录. */
export function serviceRecord(signup: SignupDoc, teamName: string | null): ServiceRecord {
  const minutes = signup.confirmedMinutes ?? 0
  const evaluation = signup.evaluation ?? 'satisfactory'
  return {
    projectId: signup.projectId,
    volunteerName: signup.name,
    teamName,
    serviceContent: `${signup.title}（${signup.serviceType}）`,
    serviceType: signup.serviceType,
    place: signup.place,
    serviceDate: dayKey(signup.startAt),
    startAt: iso(signup.startAt)!,
    endAt: iso(signup.endAt)!,
    hours: hoursOf(minutes),
    minutes,
    organisingBody: signup.organisingBody,
    evaluation,
    evaluationLabel: EVALUATION_LABELS[evaluation],
    confirmedAt: iso(signup.confirmedAt)!,
  }
}

/** Who may do what in 近邻志愿同盟, decided from the database on every call. */
import { isStaffOf, type Caller } from '../../shared/caller'
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { load } from '../../shared/lookups'
import { maskName } from '../../shared/privacy'
import { VOLUNTEER_COLLECTIONS, type MembershipDoc, type ProjectDoc, type TeamDoc } from './model'

export const getProject = (db: Database, id: string) =>
  load<ProjectDoc>(db, VOLUNTEER_COLLECTIONS.projects, id, '志愿项目')
export const getTeam = (db: Database, id: string) =>
  load<TeamDoc>(db, VOLUNTEER_COLLECTIONS.teams, id, '志愿服务队')

/** Nothing more happens in a cancelled project (nor in one that is gone). */
export function refuseCancelled<P extends Pick<ProjectDoc, 'status'>>(
  project: P | null,
): asserts project is P {
  if (!project || project.status === 'cancelled')
    throw new AppError('FAILED_PRECONDITION', '这个项目已取消')
}

export const membershipId = (teamId: string, openid: string) => `${teamId}_${openid}`
export const signupId = (projectId: string, openid: string) => `${projectId}_${openid}`
export const responseId = (projectId: string, teamId: string) => `${projectId}_${teamId}`

export function isOrganiser(caller: Pick<Caller, 'openid'>, project: ProjectDoc): boolean {
  return project.organiserOpenid === caller.openid
}

export function leads(caller: Pick<Caller, 'openid'>, team: TeamDoc): boolean {
  return team.leaderOpenid === caller.openid
}

/** The team's leader or the community's staff. */
export function canManageTeam(caller: Caller, team: TeamDoc): boolean {
  return leads(caller, team) || isStaffOf(caller, team.communityId)
}

/** The caller's approved memberships, in the given teams or all (at most 50). */
export async function approvedTeamIds(db: Database, openid: string): Promise<string[]> {
  const { data } = await db
    .collection<MembershipDoc>(VOLUNTEER_COLLECTIONS.memberships)
    .where({ openid, status: 'approved' })
    .limit(50)
    .get()
  return data.map((m) => m.teamId)
}

/** A person's name for someone else: in full for those entitled, else masked. */
export function nameFor(name: string, full: boolean): string {
  return full ? name : maskName(name)
}

export function displayNameOf(caller: Pick<Caller, 'user'>): string {
  return caller.user?.realName || caller.user?.displayName || '志愿者'
}

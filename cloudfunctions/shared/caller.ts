/**
 * Who is calling and what they may do, decided on the server from the database and the
 * deployment's configuration, never from the event. Every domain function asks these questions.
 */
import type { Database } from './cloud'
import { readRuntimeConfig } from './config'
import { AppError } from './errors'
import { COLLECTIONS, type BindingDoc, type UserDoc } from './model'

export interface Caller {
  openid: string
  user: UserDoc | null
  isAdmin: boolean
  /** Approved bindings: the households the caller lives in. */
  homes: Array<Pick<BindingDoc, 'householdId' | 'buildingId' | 'communityId'>>
}

export async function loadCaller(db: Database, openid: string): Promise<Caller> {
  const [{ data: user }, { data: bindings }] = await Promise.all([
    db.collection<UserDoc>(COLLECTIONS.users).doc(openid).get(),
    db
      .collection<BindingDoc>(COLLECTIONS.bindings)
      .where({ openid, status: 'approved' })
      .limit(100)
      .get(),
  ])
  const live = user && !user.deleted ? user : null
  return {
    openid,
    user: live,
    isAdmin: readRuntimeConfig().adminOpenids.has(openid),
    homes: bindings.map(({ householdId, buildingId, communityId }) => ({
      householdId,
      buildingId,
      communityId,
    })),
  }
}

/** Staff of the community (admins are staff everywhere). Grid workers are not staff. */
export function isStaffOf(caller: Caller, communityId: string): boolean {
  return (
    caller.isAdmin || hasRole(caller, (r) => r.role === 'staff' && r.communityId === communityId)
  )
}

export function isGridWorkerOf(caller: Caller, communityId: string): boolean {
  return hasRole(caller, (r) => r.role === 'gridWorker' && r.communityId === communityId)
}

/** Staff or grid workers: the community's management station, which handles matters. */
export function worksFor(caller: Caller, communityId: string): boolean {
  return isStaffOf(caller, communityId) || isGridWorkerOf(caller, communityId)
}

export function isHeadOf(caller: Caller, buildingId: string): boolean {
  return hasRole(caller, (r) => r.role === 'buildingHead' && r.buildingId === buildingId)
}

export function livesIn(caller: Caller, buildingId: string): boolean {
  return caller.homes.some((home) => home.buildingId === buildingId)
}

/** Heads and staff of the building's community may manage a building. */
export function canManageBuilding(
  caller: Caller,
  building: { _id: string; communityId: string },
): boolean {
  return isHeadOf(caller, building._id) || isStaffOf(caller, building.communityId)
}

export function requireStaffOf(caller: Caller, communityId: string): void {
  if (!isStaffOf(caller, communityId))
    throw new AppError('PERMISSION_DENIED', '只有本社区的工作人员可以进行这项操作')
}

export function requireBuildingManager(
  caller: Caller,
  building: { _id: string; communityId: string },
): void {
  if (!canManageBuilding(caller, building)) {
    throw new AppError('PERMISSION_DENIED', '只有本楼的楼栋长或本社区的工作人员可以进行这项操作')
  }
}

/**
 * Personal data is taken only from someone who agreed to the privacy notice
 * (docs/architecture.md「约定：个人信息与同意」).
 */
export function requirePrivacyAgreed(user: UserDoc | null): asserts user is UserDoc {
  if (!user?.privacyAgreed)
    // The field tells a page to offer the notice on the spot, so that one can agree and try again.
    throw new AppError('FAILED_PRECONDITION', '请先阅读并同意《隐私保护指引》', [
      { field: 'privacy', message: '未同意隐私保护指引' },
    ])
}

function hasRole(caller: Caller, test: (role: UserDoc['roles'][number]) => boolean): boolean {
  return caller.user?.roles.some(test) ?? false
}

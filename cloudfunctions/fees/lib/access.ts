/**
 * Who may do what with a building's fees, decided on the server: the building's heads record
 * (they hold the money); residents of the building see its open account and their own
 * household; staff of the community see everything in it.
 */
import { isHeadOf, isStaffOf, loadCaller, type Caller } from '../../shared/caller'
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { getBuilding, getEstate } from '../../shared/lookups'
import type { BuildingDoc } from '../../shared/model'

export interface BuildingAccess {
  caller: Caller
  building: BuildingDoc & { _id: string }
  /** 继光花苑 3号楼 */
  buildingName: string
  head: boolean
  staff: boolean
  /** The caller's households in this building. */
  homes: string[]
}

/** `named: false` skips the estate's name (one read less where no view shows it). */
export async function buildingAccess(
  db: Database,
  openid: string,
  buildingId: string,
  { named = true }: { named?: boolean } = {},
): Promise<BuildingAccess> {
  const [caller, building] = await Promise.all([
    loadCaller(db, openid),
    getBuilding(db, buildingId),
  ])
  const estate = named ? await getEstate(db, building.estateId) : null
  return {
    caller,
    building,
    buildingName: estate ? `${estate.name} ${building.number}` : building.number,
    head: isHeadOf(caller, building._id),
    staff: isStaffOf(caller, building.communityId),
    homes: caller.homes.filter((h) => h.buildingId === building._id).map((h) => h.householdId),
  }
}

/** Heads and staff manage; residents of the building only look. */
export function canManage(access: BuildingAccess): boolean {
  return access.head || access.staff
}

export function canView(access: BuildingAccess): boolean {
  return canManage(access) || access.homes.length > 0
}

export function requireHead(access: BuildingAccess): void {
  if (!access.head) {
    throw new AppError('PERMISSION_DENIED', '只有本楼的楼栋长可以记账')
  }
}

export function requireManager(access: BuildingAccess): void {
  if (!canManage(access)) {
    throw new AppError('PERMISSION_DENIED', '只有本楼的楼栋长或本社区的工作人员可以查看')
  }
}

export function requireViewer(access: BuildingAccess): void {
  if (!canView(access)) {
    throw new AppError('PERMISSION_DENIED', '只有本楼住户、楼栋长和本社区工作人员可以查看本楼账目')
  }
}

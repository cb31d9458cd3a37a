/**
 * What the caller is to a building, for the fee views: its heads record (they hold the money),
 * its residents see the open account and their own household, the community's staff see
 * everything in it. Who may call which action is feesPolicy's, checked before it runs.
 */
import { isHeadOf, isStaffOf, type Caller } from '../../shared/caller'
import type { Database } from '../../shared/cloud'
import type { UserContext } from '../../shared/router'
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
  context: Pick<UserContext, 'caller'>,
  buildingId: string,
  { named = true }: { named?: boolean } = {},
): Promise<BuildingAccess> {
  const [caller, building] = await Promise.all([context.caller(), getBuilding(db, buildingId)])
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

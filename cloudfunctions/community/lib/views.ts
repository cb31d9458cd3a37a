/** Documents as the client sees them: dates as ISO strings, personal data masked by who is looking. */
import type { BindingView, BuildingView, ResidentView, RoleView } from '../../../typings/community'
import type { Caller } from '../../shared/caller'
import { canManageBuilding, isStaffOf } from '../../shared/caller'
import type { Database } from '../../shared/cloud'
import {
  COLLECTIONS,
  type BindingDoc,
  type BuildingDoc,
  type CommunityDoc,
  type EstateDoc,
  type HouseholdDoc,
  type Role,
  type UserDoc,
} from '../../shared/model'
import { maskName, maskPhone } from '../../shared/privacy'
import { byIds } from '../../shared/lookups'

export function iso(date: Date | undefined): string | undefined {
  return date ? new Date(date).toISOString() : undefined
}

/** Bindings with their full address, looked up in batches. */
export async function bindingViews(db: Database, bindings: BindingDoc[]): Promise<BindingView[]> {
  const households = await byIds<HouseholdDoc>(
    db,
    COLLECTIONS.households,
    bindings.map((b) => b.householdId),
  )
  const buildings = await byIds<BuildingDoc>(
    db,
    COLLECTIONS.buildings,
    bindings.map((b) => b.buildingId),
  )
  const estates = await byIds<EstateDoc>(
    db,
    COLLECTIONS.estates,
    [...buildings.values()].map((b) => b.estateId),
  )
  const communities = await byIds<CommunityDoc>(
    db,
    COLLECTIONS.communities,
    bindings.map((b) => b.communityId),
  )
  return bindings.map((binding) => {
    const household = households.get(binding.householdId)
    const building = buildings.get(binding.buildingId)
    const estate = building ? estates.get(building.estateId) : undefined
    const community = communities.get(binding.communityId)
    const room = household?.room ?? ''
    const view: BindingView = {
      id: binding._id,
      householdId: binding.householdId,
      buildingId: binding.buildingId,
      communityId: binding.communityId,
      address: [community?.name, estate?.name, building?.number, room].filter(Boolean).join(' '),
      room,
      status: binding.status,
      requestedAt: iso(binding.requestedAt)!,
    }
    if (binding.reason) view.reason = binding.reason
    if (binding.reviewedAt) view.reviewedAt = iso(binding.reviewedAt)!
    return view
  })
}

export async function bindingView(db: Database, binding: BindingDoc): Promise<BindingView> {
  const [view] = await bindingViews(db, [binding])
  return view!
}

export async function roleViews(db: Database, roles: Role[]): Promise<RoleView[]> {
  const communities = await byIds<CommunityDoc>(
    db,
    COLLECTIONS.communities,
    roles.map((r) => r.communityId),
  )
  const buildingIds = roles.flatMap((r) => (r.buildingId ? [r.buildingId] : []))
  const buildings = await byIds<BuildingDoc>(db, COLLECTIONS.buildings, buildingIds)
  const estates = await byIds<EstateDoc>(
    db,
    COLLECTIONS.estates,
    [...buildings.values()].map((b) => b.estateId),
  )
  return roles.map((role) => {
    const view: RoleView = {
      role: role.role,
      communityId: role.communityId,
      communityName: communities.get(role.communityId)?.name ?? '',
    }
    if (role.buildingId) {
      const building = buildings.get(role.buildingId)
      view.buildingId = role.buildingId
      view.buildingName = building
        ? `${estates.get(building.estateId)?.name ?? ''} ${building.number}`.trim()
        : ''
    }
    return view
  })
}

/**
 * A resident as the caller may see them: staff see everything; the building's head sees the name
 * and a masked phone; anyone else sees both masked.
 */
export function residentView(
  caller: Caller,
  building: { _id: string; communityId: string },
  user: UserDoc,
): ResidentView {
  const staff = isStaffOf(caller, building.communityId)
  const fullName = canManageBuilding(caller, building)
  const name = user.realName || user.displayName
  return {
    openid: user.openid,
    name: fullName ? name : maskName(name),
    phone: user.phone ? (staff ? user.phone : maskPhone(user.phone)) : null,
  }
}

export async function buildingView(
  db: Database,
  caller: Caller,
  building: BuildingDoc,
): Promise<BuildingView> {
  const view: BuildingView = {
    id: building._id,
    communityId: building.communityId,
    estateId: building.estateId,
    number: building.number,
    householdCount: building.householdCount,
    partnerUnit: building.partnerUnit?.name ?? null,
  }
  if (canManageBuilding(caller, building)) {
    const heads = await byIds<UserDoc>(db, COLLECTIONS.users, building.headOpenids)
    view.heads = building.headOpenids.flatMap((openid) => {
      const user = heads.get(openid)
      return user ? [{ openid, name: residentView(caller, building, user).name }] : []
    })
  }
  return view
}

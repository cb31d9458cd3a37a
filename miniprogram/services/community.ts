/** The `community` function: who I am, where I live, and the managing of buildings and communities. */
import type { CommunityActions } from '../../typings'
import { callCloud } from './cloud'

type In<A extends keyof CommunityActions> = CommunityActions[A]['input']
type Out<A extends keyof CommunityActions> = Promise<CommunityActions[A]['output']>

/** The version of 隐私保护指引 the app shows; a new version asks everyone again. */
export const PRIVACY_VERSION = '2026-11'

export const community = {
  me: (): Out<'me'> => callCloud('community', 'me', {}),
  agreePrivacy: (): Out<'agreePrivacy'> =>
    callCloud('community', 'agreePrivacy', { version: PRIVACY_VERSION }),
  updateProfile: (input: In<'updateProfile'>): Out<'updateProfile'> =>
    callCloud('community', 'updateProfile', input),
  deleteMyData: (): Out<'deleteMyData'> =>
    callCloud('community', 'deleteMyData', { confirm: true }),
  listCommunities: (): Out<'listCommunities'> => callCloud('community', 'listCommunities', {}),
  listEstates: (communityId: string): Out<'listEstates'> =>
    callCloud('community', 'listEstates', { communityId }),
  listBuildings: (estateId: string): Out<'listBuildings'> =>
    callCloud('community', 'listBuildings', { estateId }),
  listHouseholds: (input: In<'listHouseholds'>): Out<'listHouseholds'> =>
    callCloud('community', 'listHouseholds', input),
  requestBinding: (input: In<'requestBinding'>): Out<'requestBinding'> =>
    callCloud('community', 'requestBinding', input),
  reviewBinding: (input: In<'reviewBinding'>): Out<'reviewBinding'> =>
    callCloud('community', 'reviewBinding', input),
  leaveHousehold: (bindingId: string): Out<'leaveHousehold'> =>
    callCloud('community', 'leaveHousehold', { bindingId }),
  listPendingBindings: (buildingId: string): Out<'listPendingBindings'> =>
    callCloud('community', 'listPendingBindings', { buildingId }),
  createEstate: (input: In<'createEstate'>): Out<'createEstate'> =>
    callCloud('community', 'createEstate', input),
  createBuilding: (input: In<'createBuilding'>): Out<'createBuilding'> =>
    callCloud('community', 'createBuilding', input),
  importHouseholds: (input: In<'importHouseholds'>): Out<'importHouseholds'> =>
    callCloud('community', 'importHouseholds', input),
  appointBuildingHead: (input: In<'appointBuildingHead'>): Out<'appointBuildingHead'> =>
    callCloud('community', 'appointBuildingHead', input),
}

/** The community a person's lists are about: where they live, else the first they serve, else ''. */
export function myCommunityId(me: CommunityActions['me']['output']): string {
  const home = me.bindings.find((b) => b.status === 'approved')
  return home?.communityId ?? me.can.stationOf[0] ?? ''
}

/** The community's estates, each with its buildings named `<estate> <number>` as the lists show them. */
export async function estatesWithBuildings(
  communityId: string,
): Promise<Array<{ id: string; name: string; buildings: Array<{ id: string; name: string }> }>> {
  const estates = await community.listEstates(communityId)
  const lists = await Promise.all(estates.map((estate) => community.listBuildings(estate.id)))
  return estates.map((estate, i) => ({
    id: estate.id,
    name: estate.name,
    buildings: (lists[i] ?? []).map((b) => ({ id: b.id, name: `${estate.name} ${b.number}` })),
  }))
}

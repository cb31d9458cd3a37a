/** Where a suggestions action acts, for its policy rule. */
import { AppError } from '../../shared/errors'
import { getBuilding, getCommunity, getHousehold } from '../../shared/lookups'
import type { Scope } from '../../shared/policy'
import { ofRecord } from '../../shared/scopes'
import { SUGGESTIONS } from './model'

/** A matter: in its community and building, with its reporter and handler. */
export const ofSuggestion = ofRecord(
  'id',
  SUGGESTIONS,
  '建议',
  {
    reporter: 'ownerOpenid',
    handler: 'handlerOpenid',
  },
  '条',
)

interface Filing {
  communityId: string
  buildingId?: string | undefined
  onBehalf?: { householdId: string } | undefined
}

/**
 * A new matter: the community it is filed in and, when one is named, a building of that
 * community — the one named, or the home of the resident filed for (a head files for their
 * own building).
 */
export const filedIn: Scope<Filing> = {
  describe: '社区 `communityId`（及其中的楼栋 `buildingId` 或代提交的住户）',
  async resolve(db, input) {
    const buildingId =
      input.buildingId ??
      (input.onBehalf ? (await getHousehold(db, input.onBehalf.householdId)).buildingId : null)
    const [named, home] = await Promise.allSettled([
      getCommunity(db, input.communityId),
      buildingId ? getBuilding(db, buildingId) : null,
    ])
    if (named.status === 'rejected') throw named.reason
    if (home.status === 'rejected') throw home.reason
    const [community, building] = [named.value, home.value]
    if (building && building.communityId !== community._id)
      throw new AppError('INVALID_ARGUMENT', '所选楼栋不在这个社区', [
        { field: 'buildingId', message: '楼栋不在本社区' },
      ])
    return { communityId: community._id, buildingId: building?._id ?? null }
  },
}

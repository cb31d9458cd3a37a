import type { SuggestionStatistics } from '../../../typings/suggestions'
import { AppError } from '../../shared/errors'
import { getBuilding, getEstate } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { docId, input, month } from '../../shared/validation'
import { monthStatistics } from '../lib/statistics'

/** Staff: a month's matters of the community, an estate or a building, by status and category, with response times. */
export const statistics = defineAction({
  input: input({
    communityId: docId('社区'),
    month: month(),
    estateId: docId('小区').optional(),
    buildingId: docId('楼栋').optional(),
  }),
  async run({ communityId, month, estateId, buildingId }, context): Promise<SuggestionStatistics> {
    const db = context.cloud.database()
    const scope: SuggestionStatistics['scope'] = { communityId }
    if (buildingId) {
      const building = await getBuilding(db, buildingId)
      if (building.communityId !== communityId) {
        throw new AppError('INVALID_ARGUMENT', '这栋楼不在本社区')
      }
      scope.buildingId = buildingId
    } else if (estateId) {
      const estate = await getEstate(db, estateId)
      if (estate.communityId !== communityId)
        throw new AppError('INVALID_ARGUMENT', '这个小区不在本社区')
      scope.estateId = estateId
    }
    const figures = await monthStatistics(db, { ...scope, month }, context.now())
    return { month, scope, ...figures }
  },
})

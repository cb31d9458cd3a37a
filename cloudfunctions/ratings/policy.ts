/** Who may call each action of `ratings`, and on what (see shared/policy.ts). */
import type { Policy } from '../shared/policy'
import { inBuilding, inCommunity } from '../shared/scopes'

const STAFF_ONLY = '只有本社区的工作人员可以进行这项操作'

export const ratingsPolicy: Policy<'ratings'> = {
  submitRating: {
    allow: ['resident'],
    scope: inBuilding('buildingId'),
    denied: '只有本楼已绑定房屋的住户可以评价本楼楼道',
  },
  // A building's corridor and the community's ranking are public, as a notice board is.
  buildingSummary: { allow: ['user'] },
  ranking: { allow: ['user'] },
  configureFiveStar: { allow: ['staff'], scope: inCommunity('communityId'), denied: STAFF_ONLY },
  configureDimensions: { allow: ['staff'], scope: inCommunity('communityId'), denied: STAFF_ONLY },
  recordPartnerUnit: { allow: ['staff'], scope: inBuilding('buildingId'), denied: STAFF_ONLY },
}

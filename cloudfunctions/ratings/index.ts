import { createRouter } from '../shared/router'
import { buildingSummary } from './actions/buildingSummary'
import { configureDimensions } from './actions/configureDimensions'
import { configureFiveStar } from './actions/configureFiveStar'
import { recordPartnerUnit } from './actions/recordPartnerUnit'
import { ranking } from './actions/ranking'
import { submitRating } from './actions/submitRating'
import { ratingsPolicy } from './policy'

export const main = createRouter(
  'ratings',
  {
    submitRating,
    buildingSummary,
    ranking,
    configureFiveStar,
    configureDimensions,
    recordPartnerUnit,
  },
  ratingsPolicy,
)

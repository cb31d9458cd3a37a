/** The `ratings` function: 睦邻楼道. */
import type { RatingsActions } from '../../typings'
import { callCloud } from './cloud'

type In<A extends keyof RatingsActions> = RatingsActions[A]['input']
type Out<A extends keyof RatingsActions> = Promise<RatingsActions[A]['output']>

export const ratings = {
  submitRating: (input: In<'submitRating'>): Out<'submitRating'> =>
    callCloud('ratings', 'submitRating', input),
  buildingSummary: (buildingId: string): Out<'buildingSummary'> =>
    callCloud('ratings', 'buildingSummary', { buildingId }),
  ranking: (communityId: string, month: string): Out<'ranking'> =>
    callCloud('ratings', 'ranking', { communityId, month }),
}

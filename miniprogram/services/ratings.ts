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

/** The five dimensions as people read them, in the standard's order. */
export const DIMENSION_LABELS: Array<{ key: keyof In<'submitRating'>['scores']; label: string }> = [
  { key: 'cleanliness', label: '整洁卫生' },
  { key: 'safety', label: '安全畅通' },
  { key: 'facilities', label: '设施完好' },
  { key: 'culture', label: '文化宣传' },
  { key: 'harmony', label: '邻里和睦' },
]

import type { Scores } from '../../../typings/ratings'

export const RATING_COLLECTIONS = {
  /** The current rating of each household and month: `_id` = `<householdId>_<month>`. */
  current: 'corridorRatings',
  /** Every submission, append-only: the history a replaced rating leaves behind. */
  history: 'corridorRatingHistory',
} as const

export interface CorridorRatingDoc {
  _id: string
  communityId: string
  buildingId: string
  householdId: string
  month: string
  openid: string
  scores: Partial<Scores>
  comment?: string
  photos: string[]
  /** How many times the household rated this month: 1 for the first. */
  submissions: number
  updatedAt: Date
}

/** Function `ratings`: 睦邻楼道, a household's monthly rating of its building's corridor. */

/** The five dimensions of the 五星楼道 standard. */
export type RatingDimension = 'cleanliness' | 'safety' | 'facilities' | 'culture' | 'harmony'

export type Scores = Record<RatingDimension, number>

export interface MonthSummary {
  /** `2026-11`, a Shanghai calendar month. */
  month: string
  /** Average per dimension, 2 decimals; null when nobody rated. */
  averages: Record<RatingDimension, number | null>
  overall: number | null
  ratedHouseholds: number
  totalHouseholds: number
  fiveStar: boolean
}

export interface BuildingRatingSummary {
  buildingId: string
  /** The dimensions this building's community rates, in order, with their names. */
  dimensions: Array<{ key: RatingDimension; label: string }>
  current: MonthSummary
  /** The 12 months up to the current one, oldest first. */
  trend: MonthSummary[]
  /** This month's comments by room, with the photos that came with them. */
  recentComments: Array<{ room: string; comment: string; photos: string[]; at: string }>
  partnerUnit: string | null
  /**
   * For the building's heads and the community's staff: this month's dimensions, weakest first,
   * with how many households gave 1–2 stars.
   */
  weakPoints?: Array<{
    dimension: RatingDimension
    label: string
    average: number | null
    lowCount: number
  }>
  /** What the adopting unit did in the building, newest first. */
  partnerActivities: Array<{ unit: string; activity: string; at: string }>
}

export interface RankingRow extends MonthSummary {
  buildingId: string
  buildingName: string
  rank: number
}

export interface RatingsActions {
  submitRating: {
    input: {
      buildingId: string
      month: string
      /** Exactly the community's dimensions (see BuildingRatingSummary.dimensions). */
      scores: Partial<Scores>
      comment?: string
      photos?: string[]
      requestId: string
    }
    output: { id: string; month: string; overall: number; replaced: boolean }
  }
  buildingSummary: { input: { buildingId: string }; output: BuildingRatingSummary }
  ranking: { input: { communityId: string; month: string }; output: RankingRow[] }
  configureFiveStar: {
    input: { communityId: string; minOverall: number; minSharePercent: number }
    output: { minOverall: number; minSharePercent: number }
  }
  configureDimensions: {
    input: { communityId: string; dimensions: RatingDimension[] }
    output: { dimensions: RatingDimension[] }
  }
  recordPartnerUnit: {
    input: { buildingId: string; name: string; activity?: string }
    output: { buildingId: string; partnerUnit: string; adoptedAt: string }
  }
}

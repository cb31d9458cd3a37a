/** A community's own 五星楼道 rule and dimensions, or the standard ones. */
import type { RatingDimension } from '../../../typings/ratings'
import type { Database } from '../../shared/cloud'
import { DEFAULT_FIVE_STAR_RULE, DIMENSIONS, type FiveStarRule } from './fiveStar'

export const SETTINGS_COLLECTION = 'ratingSettings'

export interface RatingSettingsDoc extends FiveStarRule {
  /** The community's id. */
  _id: string
  /** The dimensions the community rates, in the standard's order; all five when absent. */
  dimensions?: RatingDimension[]
  updatedBy: string
  updatedAt: Date
}

export interface CommunityRatingSettings {
  rule: FiveStarRule
  dimensions: RatingDimension[]
}

export async function ratingSettingsOf(
  db: Database,
  communityId: string,
): Promise<CommunityRatingSettings> {
  const { data } = await db
    .collection<RatingSettingsDoc>(SETTINGS_COLLECTION)
    .doc(communityId)
    .get()
  return {
    rule: data
      ? { minOverallTenths: data.minOverallTenths, minSharePercent: data.minSharePercent }
      : DEFAULT_FIVE_STAR_RULE,
    dimensions: data?.dimensions ?? [...DIMENSIONS],
  }
}

/** Writes one part of the settings, keeping the rest. */
export async function saveRatingSettings(
  db: Database,
  communityId: string,
  change: Partial<CommunityRatingSettings>,
  by: string,
  at: Date,
): Promise<CommunityRatingSettings> {
  const next = { ...(await ratingSettingsOf(db, communityId)), ...change }
  await db
    .collection(SETTINGS_COLLECTION)
    .doc(communityId)
    .set({
      data: { ...next.rule, dimensions: next.dimensions, updatedBy: by, updatedAt: at },
    })
  return next
}

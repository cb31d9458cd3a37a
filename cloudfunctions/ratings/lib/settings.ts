/** A community's own 五星楼道 rule, or the standard one. */
import type { Database } from '../../shared/cloud'
import { DEFAULT_FIVE_STAR_RULE, type FiveStarRule } from './fiveStar'

export const SETTINGS_COLLECTION = 'ratingSettings'

export interface RatingSettingsDoc extends FiveStarRule {
  /** The community's id. */
  _id: string
  updatedBy: string
  updatedAt: Date
}

export async function fiveStarRuleOf(db: Database, communityId: string): Promise<FiveStarRule> {
  const { data } = await db
    .collection<RatingSettingsDoc>(SETTINGS_COLLECTION)
    .doc(communityId)
    .get()
  return data
    ? { minOverallTenths: data.minOverallTenths, minSharePercent: data.minSharePercent }
    : DEFAULT_FIVE_STAR_RULE
}

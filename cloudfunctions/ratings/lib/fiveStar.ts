/**
 * The 五星楼道 rule and the month arithmetic, pure so that their edges are tested exactly. A
 * building earns the month's title when its overall average is at least 4.5 and at least 30% of
 * its households rated.
 */
import type { MonthSummary, RatingDimension, Scores } from '../../../typings/ratings'

export const DIMENSIONS: RatingDimension[] = [
  'cleanliness',
  'safety',
  'facilities',
  'culture',
  'harmony',
]

export const DIMENSION_NAMES: Record<RatingDimension, string> = {
  cleanliness: '整洁卫生',
  safety: '安全畅通',
  facilities: '设施完好',
  culture: '文化宣传',
  harmony: '邻里和睦',
}

/** The rule in integers, so the edges are exact. Communities may set their own (`configureFiveStar`). */
export interface FiveStarRule {
  /** Minimum overall average, in tenths of a star: 45 = 4.5. */
  minOverallTenths: number
  /** Minimum share of the building's households that rated, in percent. */
  minSharePercent: number
}

export const DEFAULT_FIVE_STAR_RULE: FiveStarRule = { minOverallTenths: 45, minSharePercent: 30 }

/** What the database adds up over a building's ratings of a month. */
export interface MonthTotals {
  /** Ratings (households). */
  count: number
  /** Stars given to each dimension. */
  sums: Scores
  /** Ratings that scored each dimension (a community may change its dimensions mid-month). */
  rated: Scores
  /** How many ratings gave each dimension 1 or 2 stars: where the building is weak. */
  low: Scores
}

const round2 = (n: number): number => Math.round(n * 100) / 100

export function summarise(
  month: string,
  totals: MonthTotals | undefined,
  totalHouseholds: number,
  rule: FiveStarRule = DEFAULT_FIVE_STAR_RULE,
  dimensions: readonly RatingDimension[] = DIMENSIONS,
): MonthSummary {
  const count = totals?.count ?? 0
  const averages = Object.fromEntries(
    DIMENSIONS.map((d) => {
      const rated = dimensions.includes(d) ? (totals?.rated[d] ?? 0) : 0
      return [d, rated > 0 ? round2(totals!.sums[d] / rated) : null]
    }),
  ) as MonthSummary['averages']
  // The overall average is over every star given on the community's dimensions, from exact integer sums.
  const starSum = totals ? dimensions.reduce((sum, d) => sum + totals.sums[d], 0) : 0
  const starsGiven = totals ? dimensions.reduce((sum, d) => sum + totals.rated[d], 0) : 0
  return {
    month,
    averages,
    overall: starsGiven > 0 ? round2(starSum / starsGiven) : null,
    ratedHouseholds: count,
    totalHouseholds,
    fiveStar: isFiveStar(starSum, starsGiven, count, totalHouseholds, rule),
  }
}

/**
 * Exact, in integers: starSum / starsGiven ≥ the minimum average, and rated households /
 * households ≥ the minimum share.
 */
export function isFiveStar(
  starSum: number,
  starsGiven: number,
  ratedHouseholds: number,
  totalHouseholds: number,
  rule: FiveStarRule = DEFAULT_FIVE_STAR_RULE,
): boolean {
  if (starsGiven === 0 || totalHouseholds === 0) return false
  const averageOk = starSum * 10 >= rule.minOverallTenths * starsGiven
  const shareOk = ratedHouseholds * 100 >= rule.minSharePercent * totalHouseholds
  return averageOk && shareOk
}

/** The `count` months ending with `month`, oldest first: `2026-11` → [..., `2026-10`, `2026-11`]. */
export function monthsUpTo(month: string, count: number): string[] {
  const [year, m] = month.split('-').map(Number) as [number, number]
  const months: string[] = []
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (m - 1) - i
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`)
  }
  return months
}

import { isFiveStar, monthsUpTo, summarise } from '../../../cloudfunctions/ratings/lib/fiveStar'
import { monthKey } from '../../../cloudfunctions/shared/time'

describe('五星楼道 rule', () => {
  // 10 households: 3 must rate (30%); an average of exactly 4.5 stars earns it.
  it.each([
    [3 * 5 * 4.5, 3, 10, true],
    [3 * 5 * 4.5 - 1, 3, 10, false],
    [2 * 5 * 5, 2, 10, false],
    [3 * 5 * 5, 3, 10, true],
    [0, 0, 10, false],
    [5 * 5, 1, 0, false],
  ])('%d stars from %d of %d households → %s', (starSum, count, households, expected) => {
    expect(isFiveStar(starSum, count * 5, count, households)).toBe(expected)
  })

  it('averages each dimension over the ratings that scored it, when a community changed its dimensions', () => {
    // Two ratings scored all five; one (after the change) scored only three.
    const summary = summarise(
      '2026-11',
      {
        count: 3,
        sums: { cleanliness: 15, safety: 14, facilities: 13, culture: 10, harmony: 10 },
        rated: { cleanliness: 3, safety: 3, facilities: 3, culture: 2, harmony: 2 },
        low: { cleanliness: 0, safety: 0, facilities: 0, culture: 0, harmony: 0 },
      },
      10,
      undefined,
      ['cleanliness', 'safety', 'facilities'],
    )
    expect(summary.averages).toEqual({
      cleanliness: 5,
      safety: 4.67,
      facilities: 4.33,
      culture: null,
      harmony: null,
    })
    expect(summary.overall).toBe(4.67) // 42 stars over 9 scores
    expect(summary.fiveStar).toBe(true)
  })

  it('summarises exact integer sums into averages with 2 decimals', () => {
    const summary = summarise(
      '2026-11',
      {
        count: 3,
        sums: { cleanliness: 14, safety: 13, facilities: 15, culture: 12, harmony: 15 },
        rated: { cleanliness: 3, safety: 3, facilities: 3, culture: 3, harmony: 3 },
        low: { cleanliness: 0, safety: 0, facilities: 0, culture: 0, harmony: 0 },
      },
      10,
    )
    expect(summary).toEqual({
      month: '2026-11',
      averages: { cleanliness: 4.67, safety: 4.33, facilities: 5, culture: 4, harmony: 5 },
      overall: 4.6,
      ratedHouseholds: 3,
      totalHouseholds: 10,
      fiveStar: true,
    })
    expect(summarise('2026-11', undefined, 10)).toMatchObject({
      overall: null,
      ratedHouseholds: 0,
      fiveStar: false,
    })
  })
})

describe('rating months', () => {
  it('are Shanghai calendar months', () => {
    expect(monthKey(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11') // 23:59:59 on 30 November in Shanghai
    expect(monthKey(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12') // 00:00 on 1 December
  })

  it('trend over 12 months crosses the year', () => {
    expect(monthsUpTo('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })
})

import {
  dayKey,
  formatShanghai,
  monthKey,
  monthRange,
  yearOf,
} from '../../../cloudfunctions/shared/time'

describe('Shanghai time helpers', () => {
  // 2026-11-30 16:30 UTC is already 1 December 00:30 in Shanghai.
  const lateNovemberUtc = new Date('2026-11-30T16:30:00Z')

  it('buckets by the Shanghai calendar, not the server’s UTC clock', () => {
    expect(monthKey(lateNovemberUtc)).toBe('2026-12')
    expect(dayKey(lateNovemberUtc)).toBe('2026-12-01')
    expect(formatShanghai(lateNovemberUtc)).toBe('2026-12-01 00:30:00')
    expect(yearOf(new Date('2026-12-31T16:00:00Z'))).toBe(2027)
  })

  it('gives the UTC range of a Shanghai month', () => {
    expect(monthRange('2026-12')).toEqual({
      start: new Date('2026-11-30T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    })
    expect(() => monthRange('2026-13')).toThrow(RangeError)
  })
})

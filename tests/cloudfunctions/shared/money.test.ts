import { formatFen, parseYuan, sumFen } from '../../../cloudfunctions/shared/money'

describe('money in fen', () => {
  it('formats fen as yuan for people', () => {
    expect(formatFen(1250)).toBe('¥12.50')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(123456789)).toBe('¥1,234,567.89')
    expect(formatFen(-300)).toBe('-¥3.00')
  })

  it('parses typed yuan exactly, with no floating-point drift', () => {
    expect(parseYuan('12')).toBe(1200)
    expect(parseYuan('12.5')).toBe(1250)
    expect(parseYuan(' 0.29 ')).toBe(29) // 0.29 * 100 is 28.999999999999996 in floating point
    expect(() => parseYuan('12.345')).toThrow(RangeError)
    expect(() => parseYuan('-1')).toThrow(RangeError)
    expect(() => parseYuan('一百')).toThrow(RangeError)
  })

  it('refuses fractions of a fen anywhere', () => {
    expect(sumFen([1250, 5, 245])).toBe(1500)
    expect(() => sumFen([1250, 0.5])).toThrow(RangeError)
    expect(() => formatFen(12.5)).toThrow(RangeError)
  })
})

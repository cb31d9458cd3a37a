/** WXSS → CSS: the scoping the runner relies on to keep each component's styles its own. */
import { convertUnits, scopeSelector } from '../../web-runner/build/styles'

const scope = {
  tag: 'pages-me',
  using: { 'van-button': 'van-button', 'my-card': 'components-card' },
  screenWidth: 375,
}

describe('scopeSelector', () => {
  it.each([
    ['.a', '.pages-me--a'],
    ['.a.b', '.pages-me--a.pages-me--b'],
    ['.a .b > .c', '.pages-me--a .pages-me--b > .pages-me--c'],
    ['view', 'wx-view'],
    ['.list image', '.pages-me--list wx-image'],
    ['page', 'wx-page[route-tag="pages-me"]'],
    [':host', 'pages-me'],
    [':host(.on)', 'pages-me.pages-me--on'],
    ['.row van-button', '.pages-me--row van-button'],
    ['my-card .title', 'components-card .pages-me--title'],
    ['.a::after', '.pages-me--a::after'],
    ['.a:not(.b)', '.pages-me--a:not(.pages-me--b)'],
    ['[data-x=".y"] .z', '[data-x=".y"] .pages-me--z'],
  ])('%s → %s', (from, to) => {
    expect(scopeSelector(from, scope)).toBe(to)
  })
})

describe('convertUnits', () => {
  it('makes rpx half a pixel on a 375 px phone, decimals and negatives included', () => {
    expect(convertUnits('32rpx 0.5rpx -10rpx', 375)).toBe('16px 0.25px -5px')
  })

  it('measures vh against the phone window, not the browser', () => {
    expect(convertUnits('100vh', 375)).toBe('calc(100 * var(--wx-vh, 1vh))')
  })
})

/**
 * `<scroll-view>`: the element itself scrolls (runner.css, by the reflected scroll-x/scroll-y).
 * scrolltolower and scrolltoupper fire once on entering the threshold, as in WeChat.
 */
import { type Builtin, host, prop, reflect } from './builtin'

export const scrollView: Builtin = {
  properties: {
    scrollX: prop(Boolean, false),
    scrollY: prop(Boolean, false),
    upperThreshold: prop(Number, 50),
    lowerThreshold: prop(Number, 50),
    scrollTop: prop(null, 0),
    scrollLeft: prop(null, 0),
    scrollWithAnimation: prop(Boolean, false),
    enableFlex: prop(Boolean, false),
  },
  attached() {
    const el = host(this)
    let last = { top: 0, left: 0 }
    let atEnd = false
    let atStart = true
    el.addEventListener('scroll', () => {
      this.triggerEvent('scroll', {
        scrollLeft: el.scrollLeft,
        scrollTop: el.scrollTop,
        scrollHeight: el.scrollHeight,
        scrollWidth: el.scrollWidth,
        deltaX: el.scrollLeft - last.left,
        deltaY: el.scrollTop - last.top,
      })
      last = { top: el.scrollTop, left: el.scrollLeft }
      const vertical = !!this.data['scrollY']
      const position = vertical ? el.scrollTop : el.scrollLeft
      const room = vertical ? el.scrollHeight - el.clientHeight : el.scrollWidth - el.clientWidth
      const end = room - position <= Number(this.data['lowerThreshold'])
      const start = position <= Number(this.data['upperThreshold'])
      if (end && !atEnd)
        this.triggerEvent('scrolltolower', { direction: vertical ? 'bottom' : 'right' })
      if (start && !atStart)
        this.triggerEvent('scrolltoupper', { direction: vertical ? 'top' : 'left' })
      atEnd = end
      atStart = start
    })
  },
  render() {
    reflect(this, ['scrollX', 'scrollY', 'enableFlex'])
  },
  update(changed) {
    const el = host(this)
    const behavior = this.data['scrollWithAnimation'] ? 'smooth' : 'auto'
    if (changed === 'scrollTop') el.scrollTo({ top: Number(this.data['scrollTop']) || 0, behavior })
    if (changed === 'scrollLeft')
      el.scrollTo({ left: Number(this.data['scrollLeft']) || 0, behavior })
  },
}

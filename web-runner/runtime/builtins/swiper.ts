/**
 * `<swiper>`: the element scrolls between its `<swiper-item>`s (runner.css snaps them); the
 * current item is the one scrolled to, and autoplay scrolls on by the interval.
 */
import { type Builtin, host, keep, kept, prop, reflect } from './builtin'

export const swiper: Builtin = {
  properties: {
    current: prop(Number, 0),
    indicatorDots: prop(Boolean, false),
    autoplay: prop(Boolean, false),
    interval: prop(Number, 5000),
    circular: prop(Boolean, false),
    vertical: prop(Boolean, false),
  },
  attached() {
    const el = host(this)
    let timer = 0
    let current = Number(this.data['current'])
    el.addEventListener('scroll', () => {
      const index = Math.round(
        this.data['vertical'] ? el.scrollTop / el.clientHeight : el.scrollLeft / el.clientWidth,
      )
      if (index !== current) {
        current = index
        this.triggerEvent('change', { current, source: 'touch' })
      }
    })
    const restart = (): void => {
      window.clearInterval(timer)
      if (!this.data['autoplay']) return
      timer = window.setInterval(() => {
        const count = el.querySelectorAll(':scope > wx-swiper-item').length
        if (count === 0) return
        const next = (current + 1) % count
        el.scrollTo(
          this.data['vertical']
            ? { top: next * el.clientHeight, behavior: 'smooth' }
            : { left: next * el.clientWidth, behavior: 'smooth' },
        )
      }, Number(this.data['interval']))
    }
    keep(this, 'restart', restart)
    keep(this, 'stop', () => window.clearInterval(timer))
    restart()
  },
  detached() {
    kept<() => void>(this, 'stop')?.()
  },
  render() {
    reflect(this, ['vertical', 'indicatorDots'])
  },
  update(changed) {
    if (changed === 'autoplay' || changed === 'interval') kept<() => void>(this, 'restart')?.()
    if (changed === 'current') {
      const el = host(this)
      const index = Number(this.data['current'])
      el.scrollTo(
        this.data['vertical'] ? { top: index * el.clientHeight } : { left: index * el.clientWidth },
      )
    }
  },
}

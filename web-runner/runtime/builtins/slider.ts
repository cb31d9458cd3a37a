/** `<slider>`: a browser range input, with the value beside it if show-value. */
import { h } from '../dom'
import { type Builtin, host, keep, kept, prop } from './builtin'

export const slider: Builtin = {
  behaviors: ['wx://form-field'],
  properties: {
    min: prop(Number, 0),
    max: prop(Number, 100),
    step: prop(Number, 1),
    value: prop(Number, 0),
    disabled: prop(Boolean, false),
    showValue: prop(Boolean, false),
    activeColor: prop(String, '#1aad19'),
  },
  attached() {
    const range = h('input', { type: 'range', class: 'jl-native' })
    const shown = h('span', { class: 'jl-slider-value' })
    keep(this, 'range', range)
    keep(this, 'shown', shown)
    range.addEventListener('input', () =>
      this.triggerEvent('changing', { value: Number(range.value) }),
    )
    range.addEventListener('change', () => {
      this.setData({ value: Number(range.value) })
      this.triggerEvent('change', { value: Number(range.value) })
    })
    host(this).append(range, shown)
  },
  render() {
    const range = kept<HTMLInputElement>(this, 'range')
    if (!range) return
    const d = this.data
    range.min = String(d['min'])
    range.max = String(d['max'])
    range.step = String(d['step'])
    range.value = String(d['value'])
    range.disabled = !!d['disabled']
    range.style.accentColor = String(d['activeColor'])
    kept<HTMLElement>(this, 'shown')!.textContent = d['showValue'] ? String(d['value']) : ''
  },
}

/** `<switch>`: a browser checkbox, its checked state also the form value. */
import { h } from '../dom'
import { type Builtin, drawBox, host, keep, kept, prop, reflect } from './builtin'

export const switchBuiltin: Builtin = {
  behaviors: ['wx://form-field'],
  properties: {
    checked: prop(Boolean, false),
    disabled: prop(Boolean, false),
    type: prop(String, 'switch'),
    color: prop(String, '#04BE02'),
  },
  attached() {
    const box = h('input', { type: 'checkbox', class: 'jl-native' })
    keep(this, 'box', box)
    box.addEventListener('change', () => {
      // value too: a form reads a field's value.
      this.setData({ checked: box.checked, value: box.checked })
      this.triggerEvent('change', { value: box.checked })
    })
    host(this).append(box)
  },
  render() {
    const box = kept<HTMLInputElement>(this, 'box')
    if (!box) return
    drawBox(this, box)
    reflect(this, ['type'])
  },
}

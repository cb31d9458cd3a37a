/**
 * `<checkbox>` and `<radio>`: a browser checkbox or radio. Their group (`<checkbox-group>`,
 * `<radio-group>`, plain containers) is told the values checked in it, as WeChat's group tells.
 */
import { h } from '../dom'
import { type Builtin, drawBox, host, instanceOf, keep, kept, prop, wxElementOf } from './builtin'

export const checkbox = choice('checkbox')
export const radio = choice('radio')

function choice(kind: 'checkbox' | 'radio'): Builtin {
  return {
    properties: {
      value: prop(String, ''),
      checked: prop(Boolean, false),
      disabled: prop(Boolean, false),
      color: prop(String, '#09BB07'),
    },
    attached() {
      const box = h('input', { type: kind, class: 'jl-native' })
      keep(this, 'box', box)
      host(this).prepend(box)
      // A tap anywhere on the element (its label text too) toggles it.
      host(this).addEventListener('click', (event) => {
        if (this.data['disabled'] || event.target === box) return
        box.click()
      })
      box.addEventListener('change', () => {
        this.setData({ checked: box.checked })
        const group = host(this).closest(
          kind === 'checkbox' ? 'wx-checkbox-group' : 'wx-radio-group',
        )
        const node = group && wxElementOf(group)
        if (!node) return
        const members = [...group.querySelectorAll(`wx-${kind}`)]
        // Browser radios are not one group across elements: the others are unchecked here.
        if (kind === 'radio') for (const m of members) if (m !== host(this)) setChecked(m, false)
        const values = members
          .filter((m) => (m.querySelector('input') as HTMLInputElement | null)?.checked)
          .map((m) => m.getAttribute('data-value') ?? '')
        instanceOf(node)!.triggerEvent('change', {
          value: kind === 'radio' ? (values[0] ?? '') : values,
        })
      })
    },
    render() {
      const box = kept<HTMLInputElement>(this, 'box')
      if (!box) return
      drawBox(this, box)
      host(this).setAttribute('data-value', String(this.data['value'] ?? ''))
    },
  }
}

function setChecked(el: Element, checked: boolean): void {
  const box = el.querySelector('input')
  if (box) box.checked = checked
}

/**
 * `<picker>` in a sheet from the bottom: a list for mode selector, browser selects for
 * multiSelector, a browser date, month or time input for date and time. Other modes (region)
 * are reported.
 */
import { h } from '../dom'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'
import { type Builtin, host, type Instance, prop } from './builtin'

export function picker(rt: Runtime): Builtin {
  return {
    behaviors: ['wx://form-field'],
    properties: {
      mode: prop(String, 'selector'),
      range: prop(Array, []),
      rangeKey: prop(String, ''),
      value: prop(null, 0),
      start: prop(String, ''),
      end: prop(String, ''),
      fields: prop(String, 'day'),
      disabled: prop(Boolean, false),
      headerText: prop(String, ''),
    },
    attached() {
      host(this).addEventListener('click', () => {
        if (!this.data['disabled']) void openPicker(rt, this)
      })
    },
  }
}

async function openPicker(rt: Runtime, self: Instance): Promise<void> {
  const d = self.data
  const mode = String(d['mode'])
  const label = (item: unknown): string =>
    d['rangeKey'] && item && typeof item === 'object'
      ? String((item as Dict)[String(d['rangeKey'])])
      : String(item)
  let chosen: unknown = null
  const title = String(d['headerText'] || '')
  /** A sheet of controls and a confirm button, which takes what they show as the choice. */
  const confirmSheet = (controls: HTMLElement, choice: () => unknown): Promise<void> => {
    const sheet = rt.phone.sheet(
      [
        controls,
        h(
          'button',
          {
            class: 'jl-sheet-item jl-picker-confirm',
            onclick: () => ((chosen = choice()), sheet.close()),
          },
          '确定',
        ),
      ],
      { title, className: 'jl-picker' },
    )
    return sheet.closed
  }
  if (mode === 'selector') {
    const range = (d['range'] as unknown[]) ?? []
    const sheet = rt.phone.sheet(
      range.map((item, index) =>
        h(
          'button',
          {
            class: `jl-sheet-item jl-picker-option${index === Number(d['value']) ? ' jl-picker-current' : ''}`,
            onclick: () => ((chosen = index), sheet.close()),
          },
          label(item),
        ),
      ),
      { title, className: 'jl-picker' },
    )
    await sheet.closed
  } else if (mode === 'multiSelector') {
    const columns = ((d['range'] as unknown[][]) ?? []).map((column, index) => {
      const select = h('select', { class: 'jl-picker-select' })
      column.forEach((item, i) => select.append(h('option', { value: String(i) }, label(item))))
      select.value = String(((d['value'] as number[]) ?? [])[index] ?? 0)
      select.addEventListener('change', () =>
        self.triggerEvent('columnchange', { column: index, value: Number(select.value) }),
      )
      return select
    })
    await confirmSheet(h('div', { class: 'jl-picker-columns' }, ...columns), () =>
      columns.map((c) => Number(c.value)),
    )
  } else if (mode === 'date' || mode === 'time') {
    const fields = String(d['fields'])
    // A year alone has no browser input: a number stands in.
    const type =
      mode === 'time'
        ? 'time'
        : fields === 'month'
          ? 'month'
          : fields === 'year'
            ? 'number'
            : 'date'
    const input = h('input', { class: 'jl-picker-input', type })
    const clip = (v: string): string =>
      type === 'month' ? v.slice(0, 7) : type === 'number' ? v.slice(0, 4) : v
    input.value = clip(String(d['value'] || ''))
    if (d['start']) input.min = clip(String(d['start']))
    if (d['end']) input.max = clip(String(d['end']))
    await confirmSheet(input, () => input.value || null)
  } else {
    rt.unsupported(`<picker mode="${mode}">`)
    return
  }
  if (chosen === null) self.triggerEvent('cancel', {})
  else {
    self.setData({ value: chosen })
    self.triggerEvent('change', { value: chosen })
  }
}

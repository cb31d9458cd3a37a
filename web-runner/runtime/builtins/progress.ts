/** `<progress>`: a bar of the percent (clamped to 0–100), with the figure if show-info. */
import { clear, h } from '../dom'
import { type Builtin, host, prop } from './builtin'

export const progress: Builtin = {
  properties: {
    percent: prop(Number, 0),
    showInfo: prop(Boolean, false),
    strokeWidth: prop(null, 6),
    activeColor: prop(String, '#09BB07'),
    backgroundColor: prop(String, '#EBEBEB'),
  },
  render() {
    const el = host(this)
    clear(el)
    const percent = Math.max(0, Math.min(100, Number(this.data['percent'])))
    el.append(
      h(
        'div',
        {
          class: 'jl-progress-bar',
          style: `height:${Number(this.data['strokeWidth'])}px;background:${String(this.data['backgroundColor'])}`,
        },
        h('div', {
          style: `width:${percent}%;height:100%;background:${String(this.data['activeColor'])}`,
        }),
      ),
    )
    if (this.data['showInfo']) el.append(h('span', { class: 'jl-progress-info' }, `${percent}%`))
  },
}

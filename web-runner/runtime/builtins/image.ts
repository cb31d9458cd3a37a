/** `<image>` (and `<cover-image>`): a browser img, its src resolved as the page names it. */
import { h } from '../dom'
import { resolveFromTop } from '../files'
import type { Runtime } from '../runtime'
import { type Builtin, host, keep, kept, prop } from './builtin'

export function image(rt: Runtime): Builtin {
  return {
    properties: {
      src: prop(String, ''),
      mode: prop(String, 'scaleToFill'),
      lazyLoad: prop(Boolean, false),
      showMenuByLongpress: prop(Boolean, false),
      webp: prop(Boolean, false),
    },
    attached() {
      const img = h('img', { class: 'jl-native', alt: '', draggable: 'false' })
      keep(this, 'img', img)
      img.addEventListener('load', () =>
        this.triggerEvent('load', { width: img.naturalWidth, height: img.naturalHeight }),
      )
      img.addEventListener('error', () =>
        this.triggerEvent('error', { errMsg: `GET ${img.src} failed` }),
      )
      host(this).append(img)
    },
    update(changed) {
      const img = kept<HTMLImageElement>(this, 'img')
      if (!img) return
      if (changed === 'src') {
        const src = resolveFromTop(String(this.data['src'] ?? ''), rt.router)
        if (src) img.src = src
        else img.removeAttribute('src')
      }
      // runner.css fits the picture by the mode attribute.
      if (changed === 'mode')
        host(this).setAttribute('mode', String(this.data['mode'] || 'scaleToFill'))
    },
  }
}

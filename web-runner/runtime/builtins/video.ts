/** `<video>`: a browser video, its src and poster resolved as the page names them. */
import { h } from '../dom'
import { resolveFromTop } from '../files'
import type { Runtime } from '../runtime'
import { type Builtin, host, keep, kept, prop } from './builtin'

export function video(rt: Runtime): Builtin {
  return {
    properties: {
      src: prop(String, ''),
      controls: prop(Boolean, true),
      poster: prop(String, ''),
      autoplay: prop(Boolean, false),
      loop: prop(Boolean, false),
      muted: prop(Boolean, false),
    },
    attached() {
      const el = h('video', { class: 'jl-native', playsinline: true })
      keep(this, 'video', el)
      host(this).append(el)
    },
    render() {
      const el = kept<HTMLVideoElement>(this, 'video')
      if (!el) return
      el.src = resolveFromTop(String(this.data['src']), rt.router)
      el.poster = resolveFromTop(String(this.data['poster']), rt.router)
      el.controls = !!this.data['controls']
      el.autoplay = !!this.data['autoplay']
      el.loop = !!this.data['loop']
      el.muted = !!this.data['muted']
    },
  }
}

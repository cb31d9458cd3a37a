/**
 * wx share menus. The runner's capsule menu offers sharing whenever the page has
 * onShareAppMessage (Runtime.share draws the card), so the menu APIs answer ok and change nothing.
 */
import { asyncApi } from '../api'
import { h } from '../dom'
import { resolveFromTop } from '../files'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'

export function shareApis(rt: Runtime): Dict {
  const { phone, router } = rt
  return {
    showShareMenu: asyncApi('showShareMenu', () => undefined),
    hideShareMenu: asyncApi('hideShareMenu', () => undefined),
    updateShareMenu: asyncApi('updateShareMenu', () => undefined),
    showShareImageMenu: asyncApi('showShareImageMenu', (o) => {
      // The image the person would forward, shown as WeChat's menu shows it.
      const image = h('img', {
        class: 'jl-preview-image',
        alt: '',
        src: resolveFromTop(String(o['path']), router),
      })
      phone.fullscreen(h('div', { class: 'jl-preview' }, image), () => undefined)
    }),
  }
}

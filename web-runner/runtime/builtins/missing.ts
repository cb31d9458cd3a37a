/** Built-ins a page may use that the runner does not draw: named on the page, and reported. */
import { h } from '../dom'
import type { Runtime } from '../runtime'
import { type Builtin, host } from './builtin'

export const MISSING = [
  'map',
  'camera',
  'live-player',
  'live-pusher',
  'web-view',
  'editor',
  'movable-area',
  'movable-view',
  'picker-view',
  'picker-view-column',
  'audio',
  'ad',
  'ad-custom',
  'official-account',
  'open-data',
  'voip-room',
  'channel-live',
  'channel-video',
  'functional-page-navigator',
  'match-media',
  'page-container',
  'share-element',
  'keyboard-accessory',
  'grid-view',
  'list-view',
  'sticky-header',
  'sticky-section',
]

export function missing(rt: Runtime, tag: string): Builtin {
  return {
    attached() {
      host(this).prepend(h('span', { class: 'jl-missing' }, `网页运行器没有 <${tag}>`))
      rt.unsupported(`<${tag}>`)
    },
  }
}

/**
 * `<canvas type="2d">`: a browser canvas, whose 2d context is what WeChat's canvas node offers.
 * The page finds it with a selector query's `fields({ node: true })` (wx/query.ts). The old canvas
 * API (canvas-id, wx.createCanvasContext) is not drawn and is reported.
 */
import { h } from '../dom'
import type { Runtime } from '../runtime'
import { type Builtin, host, prop } from './builtin'

export function canvas(rt: Runtime): Builtin {
  return {
    properties: { type: prop(String, ''), canvasId: prop(String, '') },
    attached() {
      if (this.data['type'] !== '2d') {
        host(this).prepend(
          h('span', { class: 'jl-missing' }, '网页运行器只支持 <canvas type="2d">'),
        )
        rt.unsupported('<canvas> without type="2d"')
        return
      }
      host(this).append(h('canvas', { class: 'jl-native jl-canvas' }))
    },
  }
}

/**
 * `<navigator>`: a tap calls the wx route its open-type names, so it goes through the same
 * page stack as the app's own calls. Other mini-programs (target="miniProgram") are reported.
 */
import type { Runtime } from '../runtime'
import type { Dict } from '../types'
import { type Builtin, hover, hoverProps, host, prop } from './builtin'

const ROUTE_API: Record<string, string> = {
  navigate: 'navigateTo',
  redirect: 'redirectTo',
  switchTab: 'switchTab',
  reLaunch: 'reLaunch',
  navigateBack: 'navigateBack',
}

export function navigator(rt: Runtime): Builtin {
  return {
    properties: {
      url: prop(String, ''),
      openType: prop(String, 'navigate'),
      delta: prop(Number, 1),
      target: prop(String, 'self'),
      ...hoverProps,
      hoverClass: prop(String, 'navigator-hover'),
    },
    attached() {
      hover(this)
      host(this).addEventListener('click', () => {
        const wx = (globalThis as unknown as { wx: Record<string, (o: Dict) => unknown> }).wx
        const url = String(this.data['url'])
        const type = String(this.data['openType'])
        const api = ROUTE_API[type]
        if (!api || this.data['target'] === 'miniProgram') {
          rt.unsupported(`<navigator open-type="${type}" target="${String(this.data['target'])}">`)
          return
        }
        const options: Dict = api === 'navigateBack' ? { delta: this.data['delta'] } : { url }
        options['fail'] = (error: Dict) => rt.phone.problem(`navigator: ${String(error['errMsg'])}`)
        wx[api]!(options)
      })
    },
  }
}

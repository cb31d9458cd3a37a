/**
 * The `wx` object of the web runner. Each API does in the browser what it does on a phone, as
 * far as a browser can: storage in localStorage (per user), toasts and modals in the phone,
 * photos from a file picker, requests with fetch, cloud functions and storage on the local cloud
 * that serves the runner, as the chosen user. Anything else fails loudly (see api.ts).
 *
 * One file a family of APIs, as WeChat's documentation groups them; this one puts them together.
 */
import { loud } from '../api'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'
import { appApis } from './app'
import { authApis } from './auth'
import { cloudApi } from './cloud'
import { deviceApis } from './device'
import { fileSystemApis } from './fileSystem'
import { mediaApis } from './media'
import { navigationApis } from './navigation'
import { networkApis } from './network'
import { queryApis } from './query'
import { scrollApis } from './scroll'
import { shareApis } from './share'
import { storageApis } from './storage'
import { subscribeApis } from './subscribe'
import { systemApis } from './system'
import { uiApis } from './ui'

export function createWx(rt: Runtime): Dict {
  const wx: Dict = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    // The runner has no client-side database and no getUserProfile: apps that ask take their
    // other way.
    canIUse: (schema: string) =>
      typeof schema === 'string' && !/^(cloud\.database|getUserProfile)/.test(schema),
    nextTick: (fn: () => void) => void Promise.resolve().then(fn),
    reportAnalytics: () => undefined,
    reportEvent: () => undefined,
    ...storageApis(rt),
    ...uiApis(rt),
    ...navigationApis(rt),
    ...scrollApis(rt),
    ...systemApis(rt),
    ...appApis(rt),
    ...queryApis(rt),
    ...networkApis(),
    cloud: cloudApi(rt),
    ...mediaApis(rt),
    ...fileSystemApis(rt),
    ...authApis(rt),
    ...subscribeApis(rt),
    ...deviceApis(rt),
    ...shareApis(rt),
  }
  return loud(wx, 'wx.', rt.unsupported)
}

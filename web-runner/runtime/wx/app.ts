/**
 * wx app-level events and options: how the app was opened, when it goes to the background and
 * back (the browser tab hidden and shown), and its uncaught errors.
 */
import type { Runtime } from '../runtime'
import type { Dict } from '../types'

/** WeChat's scene for "opened from the list of recent mini-programs": the runner's only way in. */
const SCENE = 1001

export function appApis(rt: Runtime): Dict {
  const { router } = rt
  /** The runner opens the app once, from the first page: launch and enter options are alike. */
  const launchOptions = () => ({
    path: router.pages[0]?.route ?? '',
    query: router.pages[0]?.query ?? {},
    scene: SCENE,
    referrerInfo: {},
  })
  const showListeners: Array<(options: Dict) => void> = []
  const hideListeners: Array<() => void> = []
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible')
      showListeners.forEach((fn) =>
        fn({ path: router.top?.route ?? '', query: router.top?.query ?? {}, scene: SCENE }),
      )
    else hideListeners.forEach((fn) => fn())
  })
  // `>>> 0` turns a missing listener's -1 into an index past the end: nothing is removed.
  const remove = <T>(list: T[], fn: T): void => void list.splice(list.indexOf(fn) >>> 0, 1)

  return {
    getLaunchOptionsSync: launchOptions,
    getEnterOptionsSync: launchOptions,
    onAppShow: (fn: (options: Dict) => void) => void showListeners.push(fn),
    offAppShow: (fn: (options: Dict) => void) => remove(showListeners, fn),
    onAppHide: (fn: () => void) => void hideListeners.push(fn),
    offAppHide: (fn: () => void) => remove(hideListeners, fn),
    onError: (fn: (message: string) => void) =>
      window.addEventListener('error', (event) => fn(String(event.message))),
    onUnhandledRejection: (fn: (result: Dict) => void) =>
      window.addEventListener('unhandledrejection', (event) =>
        fn({ reason: event.reason, promise: event.promise }),
      ),
  }
}

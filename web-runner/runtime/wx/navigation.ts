/** wx routes (navigateTo …), the navigation bar and the tab bar of the page on top. */
import { ApiFail, asyncApi } from '../api'
import { RouteError } from '../router'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'

export function navigationApis(rt: Runtime): Dict {
  const { phone, router } = rt
  const route = (name: string, act: (options: Dict) => void) =>
    asyncApi(name, async (options) => {
      // Like WeChat, the page changes after the current event handler has finished.
      await new Promise((resolve) => setTimeout(resolve, 0))
      try {
        act(options)
      } catch (error) {
        if (error instanceof RouteError) throw new ApiFail(error.message)
        throw error
      }
    })

  return {
    navigateTo: route('navigateTo', (o) => router.navigateTo(String(o['url'] ?? ''))),
    redirectTo: route('redirectTo', (o) => router.redirectTo(String(o['url'] ?? ''))),
    navigateBack: route('navigateBack', (o) => router.navigateBack(Number(o['delta'] ?? 1))),
    switchTab: route('switchTab', (o) => router.switchTab(String(o['url'] ?? ''))),
    reLaunch: route('reLaunch', (o) => router.reLaunch(String(o['url'] ?? ''))),

    setNavigationBarTitle: asyncApi('setNavigationBarTitle', (o) =>
      router.setTitle(String(o['title'] ?? '')),
    ),
    setNavigationBarColor: asyncApi('setNavigationBarColor', (o) =>
      router.setNavColors({
        background: String(o['backgroundColor'] ?? '#000000'),
        textStyle: o['frontColor'] === '#000000' ? 'black' : 'white',
      }),
    ),
    showNavigationBarLoading: asyncApi('showNavigationBarLoading', () =>
      router.setNavLoading(true),
    ),
    hideNavigationBarLoading: asyncApi('hideNavigationBarLoading', () =>
      router.setNavLoading(false),
    ),
    hideHomeButton: asyncApi('hideHomeButton', () => undefined),

    // A badge of '' is the red dot; null takes badge and dot away.
    setTabBarBadge: asyncApi('setTabBarBadge', (o) =>
      phone.setTabBadge(Number(o['index']), String(o['text'] ?? '')),
    ),
    removeTabBarBadge: asyncApi('removeTabBarBadge', (o) =>
      phone.setTabBadge(Number(o['index']), null),
    ),
    showTabBarRedDot: asyncApi('showTabBarRedDot', (o) =>
      phone.setTabBadge(Number(o['index']), ''),
    ),
    hideTabBarRedDot: asyncApi('hideTabBarRedDot', (o) =>
      phone.setTabBadge(Number(o['index']), null),
    ),
    showTabBar: asyncApi('showTabBar', () => phone.setTabBarHidden(false)),
    hideTabBar: asyncApi('hideTabBar', () => phone.setTabBarHidden(true)),
  }
}

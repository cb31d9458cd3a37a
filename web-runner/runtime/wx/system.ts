/**
 * wx system information: the phone the runner draws (375×812, WeChat on "devtools"), its
 * settings, the capsule menu button's place and the network.
 */
import { asyncApi } from '../api'
import { NAV_BAR, STATUS_BAR } from '../phone'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'

/** The capsule (… and ×) at the right of the navigation bar, as WeChat measures it. */
const MENU_BUTTON = { width: 87, height: 32, right: 7 }

export function systemApis(rt: Runtime): Dict {
  const { phone, router, manifest } = rt
  const screen = manifest.screen
  const systemInfo = (): Dict => {
    const top = router.top
    const custom = top?.json.navigationStyle === 'custom'
    const windowHeight = phone.windowHeight(custom, !!top?.isTab)
    return {
      brand: 'web',
      model: 'web runner (375×812)',
      pixelRatio: window.devicePixelRatio || 2,
      screenWidth: screen.width,
      screenHeight: screen.height,
      windowWidth: screen.width,
      windowHeight,
      statusBarHeight: STATUS_BAR,
      language: 'zh_CN',
      version: '8.0.50',
      system: 'web',
      platform: 'devtools',
      fontSizeSetting: 16,
      SDKVersion: '3.5.0',
      benchmarkLevel: 1,
      theme: 'light',
      safeArea: {
        left: 0,
        right: screen.width,
        top: STATUS_BAR,
        bottom: screen.height,
        width: screen.width,
        height: screen.height - STATUS_BAR,
      },
      host: { env: 'WeChat' },
      enableDebug: false,
      environment: '',
      deviceOrientation: 'portrait',
    }
  }

  return {
    getSystemInfoSync: systemInfo,
    getSystemInfo: asyncApi('getSystemInfo', systemInfo),
    getSystemInfoAsync: asyncApi('getSystemInfoAsync', systemInfo),
    // The newer split APIs each answer a part of the same information: the whole serves all.
    getWindowInfo: systemInfo,
    getDeviceInfo: systemInfo,
    getAppBaseInfo: systemInfo,
    getSystemSetting: () => ({
      bluetoothEnabled: false,
      locationEnabled: false,
      wifiEnabled: true,
      deviceOrientation: 'portrait',
    }),
    getAppAuthorizeSetting: () => ({
      albumAuthorized: 'authorized',
      cameraAuthorized: 'authorized',
      notificationAuthorized: 'authorized',
    }),
    getMenuButtonBoundingClientRect: () => ({
      width: MENU_BUTTON.width,
      height: MENU_BUTTON.height,
      top: STATUS_BAR + (NAV_BAR - MENU_BUTTON.height) / 2,
      bottom: STATUS_BAR + (NAV_BAR + MENU_BUTTON.height) / 2,
      right: screen.width - MENU_BUTTON.right,
      left: screen.width - MENU_BUTTON.right - MENU_BUTTON.width,
    }),
    getAccountInfoSync: () => ({
      miniProgram: { appId: 'wxwebrunner', envVersion: 'develop', version: '' },
    }),
    getNetworkType: asyncApi('getNetworkType', () => ({
      networkType: navigator.onLine ? 'wifi' : 'none',
    })),
  }
}

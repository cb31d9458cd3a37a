/**
 * wx login, settings, authorization and privacy. The local cloud knows the caller from the
 * runner's chosen user, so login needs no real code, and every authorization is granted.
 */
import { asyncApi } from '../api'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'

export function authApis(rt: Runtime): Dict {
  const { identity, phone } = rt
  // Consent is given on the app's own button (open-type="agreePrivacyAuthorization"): the
  // handlers are kept, and never asked.
  const privacyHandlers: Array<(resolve: (result: Dict) => void, event: Dict) => void> = []
  return {
    login: asyncApi('login', () => ({ code: `web-runner-${identity.openid}` })),
    checkSession: asyncApi('checkSession', () => undefined),
    getSetting: asyncApi('getSetting', () => ({
      authSetting: {},
      subscriptionsSetting: { mainSwitch: true },
    })),
    authorize: asyncApi('authorize', () => undefined),
    getPrivacySetting: asyncApi('getPrivacySetting', () => ({
      needAuthorization: false,
      privacyContractName: '《隐私保护指引》',
    })),
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', () => undefined),
    onNeedPrivacyAuthorization: (fn: (resolve: (result: Dict) => void, event: Dict) => void) =>
      void privacyHandlers.push(fn),
    openPrivacyContract: asyncApi('openPrivacyContract', () =>
      phone
        .modal({
          title: '隐私保护指引',
          content: '（网页运行器：这里会打开小程序在后台声明的《隐私保护指引》）',
          showCancel: false,
          confirmText: '知道了',
        })
        .then(() => undefined),
    ),
  }
}

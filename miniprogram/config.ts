import type { SubscribeTemplate } from '../typings/subscribe'

/**
 * Per-deployment settings of the mini-program. The cloud environment id is the one the community's
 * developer created in WeChat Cloud Development.
 */
export const CLOUD_ENV = 'jinlin-dev'

export interface LocalCloudSetting {
  /** e.g. http://127.0.0.1:8910: calls go there with wx.request instead of wx.cloud. */
  url: string
  /** The demo users a developer can act as. */
  demoUsers: Array<{ openid: string; label: string }>
}

declare const __JINLIN_LOCAL_CLOUD__: LocalCloudSetting | null

/**
 * Set only by `npm start` (a development build pointed at the local cloud); null in every other
 * build, so a release never depends on it.
 */
export const LOCAL_CLOUD: LocalCloudSetting | null = __JINLIN_LOCAL_CLOUD__

declare const __JINLIN_SUBSCRIBE_TEMPLATES__: Partial<Record<SubscribeTemplate, string>>

/**
 * The subscribe-message template ids the app asks users to allow: from jinlin.config.json in a
 * release build, the local cloud's in a development build; a template not configured is not asked.
 */
export const SUBSCRIBE_TEMPLATE_IDS: Partial<Record<SubscribeTemplate, string>> =
  __JINLIN_SUBSCRIBE_TEMPLATES__

/**
 * Asks the person to allow the messages a step will send them (each allowance is good for one
 * message). Must be called straight from a tap, before anything asynchronous; never fails the tap.
 */
import type { SubscribeTemplate } from '../../typings/subscribe'
import { SUBSCRIBE_TEMPLATE_IDS } from '../config'

export function askForNotices(templates: SubscribeTemplate[]): Promise<void> {
  const tmplIds: string[] = []
  for (const template of templates) {
    const id = SUBSCRIBE_TEMPLATE_IDS[template]
    if (id) tmplIds.push(id)
  }
  if (tmplIds.length === 0 || typeof wx.requestSubscribeMessage !== 'function') {
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds: tmplIds.slice(0, 3),
      success: () => resolve(),
      fail: () => resolve(),
    })
  })
}

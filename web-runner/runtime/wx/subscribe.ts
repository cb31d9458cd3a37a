/**
 * wx.requestSubscribeMessage: the phone's sheet lists the templates, each allowed by default,
 * so a resident's choice can be tried in the browser.
 */
import { ApiFail, asyncApi } from '../api'
import { h } from '../dom'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'

/** WeChat asks for at most this many templates at once. */
const MAX_TEMPLATES = 3

export function subscribeApis(rt: Runtime): Dict {
  const { phone } = rt
  return {
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', async (o) => {
      const ids = ((o['tmplIds'] as string[]) ?? []).map(String)
      if (ids.length === 0 || ids.length > MAX_TEMPLATES)
        throw new ApiFail('Templates count out of max bounds')
      const answer: Record<string, string> = {}
      const choices = ids.map((id) => {
        const box = h('input', { type: 'checkbox', checked: true, 'data-id': id })
        return { id, box, row: h('label', { class: 'jl-subscribe-row' }, box, h('span', {}, id)) }
      })
      let allowed = false
      const sheet = phone.sheet(
        [
          h('div', { class: 'jl-sheet-note' }, '小程序想给你发送以下消息（每项允许一次）'),
          ...choices.map((c) => c.row),
          h(
            'button',
            {
              class: 'jl-sheet-item jl-subscribe-allow',
              onclick: () => ((allowed = true), sheet.close()),
            },
            '允许',
          ),
        ],
        { title: '订阅消息', cancelText: '取消' },
      )
      await sheet.closed
      for (const c of choices) answer[c.id] = allowed && c.box.checked ? 'accept' : 'reject'
      return answer
    }),
  }
}

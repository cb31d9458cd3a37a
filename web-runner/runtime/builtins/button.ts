/**
 * `<button>`: submits or resets its form (form-type), and does what its open-type asks as far
 * as the runner can: share, privacy consent, a phone number typed in, an avatar from the files.
 */
import type { Runtime } from '../runtime'
import type { Dict } from '../types'
import { type Builtin, hover, hoverProps, host, type Instance, prop, reflect } from './builtin'
import { submitForm } from './form'

export function button(rt: Runtime): Builtin {
  return {
    properties: {
      size: prop(String, 'default'),
      type: prop(String, 'default'),
      plain: prop(Boolean, false),
      disabled: prop(Boolean, false),
      loading: prop(Boolean, false),
      formType: prop(String, ''),
      openType: prop(String, ''),
      ...hoverProps,
      hoverClass: prop(String, 'button-hover'),
    },
    attached() {
      const el = host(this)
      el.setAttribute('role', 'button')
      hover(this)
      el.addEventListener('click', () => {
        if (this.data['disabled']) return
        const formType = String(this.data['formType'] ?? '')
        if (formType === 'submit' || formType === 'reset') submitForm(el, formType)
        const openType = String(this.data['openType'] ?? '')
        if (openType) void openTypeAction(rt, this, openType)
      })
    },
    render() {
      reflect(this, ['size', 'type', 'plain', 'disabled', 'loading'])
    },
  }
}

async function openTypeAction(rt: Runtime, self: Instance, openType: string): Promise<void> {
  const dataset = (self._exparserNode as unknown as { dataset?: Dict }).dataset ?? {}
  switch (openType) {
    case 'share':
      rt.share('button', { id: '', dataset })
      return
    case 'agreePrivacyAuthorization':
      self.triggerEvent('agreeprivacyauthorization', {})
      return
    case 'getPhoneNumber':
    case 'getRealtimePhoneNumber': {
      const answer = await rt.phone.modal({
        title: '手机号（网页运行器）',
        cancelText: '拒绝',
        confirmText: '允许',
        editable: true,
        placeholderText: '输入一个手机号',
      })
      const event = openType === 'getPhoneNumber' ? 'getphonenumber' : 'getrealtimephonenumber'
      self.triggerEvent(
        event,
        answer.confirm
          ? { errMsg: `${openType}:ok`, code: `web-runner-phone-${answer.content ?? ''}` }
          : { errMsg: `${openType}:fail user deny` },
      )
      return
    }
    case 'chooseAvatar': {
      const wx = (
        globalThis as unknown as {
          wx: { chooseMedia(o: Dict): Promise<{ tempFiles: Array<{ tempFilePath: string }> }> }
        }
      ).wx
      try {
        const result = await wx.chooseMedia({ count: 1, mediaType: ['image'] })
        self.triggerEvent('chooseavatar', { avatarUrl: result.tempFiles[0]?.tempFilePath })
      } catch {
        // Cancelled: WeChat sends nothing.
      }
      return
    }
    default:
      rt.unsupported(`<button open-type="${openType}">`)
  }
}

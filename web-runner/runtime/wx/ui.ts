/** wx interaction: toasts, loading, modals and action sheets, drawn by the phone. */
import { ApiFail, asyncApi } from '../api'
import { resolveFromTop } from '../files'
import { MODAL_DEFAULTS } from '../phone'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'

export function uiApis(rt: Runtime): Dict {
  const { phone, router } = rt
  return {
    showToast: asyncApi('showToast', (o) =>
      phone.toast({
        title: String(o['title'] ?? ''),
        icon: String(o['icon'] ?? 'success'),
        ...(o['image'] ? { image: resolveFromTop(String(o['image']), router) } : {}),
        duration: Number(o['duration'] ?? 1500),
        mask: !!o['mask'],
      }),
    ),
    hideToast: asyncApi('hideToast', () => phone.hideToast()),
    // WeChat's loading is a toast that stays until hidden.
    showLoading: asyncApi('showLoading', (o) =>
      phone.toast({
        title: String(o['title'] ?? ''),
        icon: 'loading',
        duration: 0,
        mask: !!o['mask'],
      }),
    ),
    hideLoading: asyncApi('hideLoading', () => phone.hideToast()),
    showModal: asyncApi('showModal', (o) =>
      phone.modal({
        title: String(o['title'] ?? ''),
        content: String(o['content'] ?? ''),
        showCancel: o['showCancel'] !== false,
        cancelText: String(o['cancelText'] ?? MODAL_DEFAULTS.cancelText),
        cancelColor: String(o['cancelColor'] ?? MODAL_DEFAULTS.cancelColor),
        confirmText: String(o['confirmText'] ?? MODAL_DEFAULTS.confirmText),
        confirmColor: String(o['confirmColor'] ?? MODAL_DEFAULTS.confirmColor),
        editable: !!o['editable'],
        placeholderText: String(o['placeholderText'] ?? ''),
      }),
    ),
    showActionSheet: asyncApi('showActionSheet', async (o) => {
      const index = await phone.actionSheet(
        (o['itemList'] as string[]) ?? [],
        String(o['itemColor'] ?? '#000000'),
        String(o['alertText'] ?? ''),
      )
      if (index === null) throw new ApiFail('cancel')
      return { tapIndex: index }
    }),
  }
}

/**
 * wx device abilities, as far as a browser has them: scanning (a code pasted or picked from
 * those seen in this session), the clipboard, phone calls (asked, never dialled), vibration.
 */
import { ApiFail, asyncApi } from '../api'
import { h } from '../dom'
import type { Runtime } from '../runtime'
import type { Dict } from '../types'

/** How many of the session's known codes the scan sheet offers, newest first. */
const KNOWN_CODES_SHOWN = 6

export function deviceApis(rt: Runtime): Dict {
  const { phone, manifest } = rt
  // The browser's clipboard cannot be read without asking: the app reads back what it wrote.
  let clipboard = ''
  const manifestHasRoute = (code: string): boolean => {
    const path = code.replace(/^\//, '').split('?')[0] ?? ''
    return manifest.pages.includes(path)
  }

  return {
    scanCode: asyncApi('scanCode', async () => {
      const text = h('textarea', {
        class: 'jl-scan-input',
        placeholder: '粘贴二维码里的内容，或点下面的一个',
      })
      let result: string | null = null
      const sheet = phone.sheet(
        [
          text,
          ...rt.knownCodes
            .slice(-KNOWN_CODES_SHOWN)
            .reverse()
            .map((code) =>
              h(
                'button',
                {
                  class: 'jl-sheet-item jl-scan-known',
                  onclick: () => ((result = code), sheet.close()),
                },
                code,
              ),
            ),
          h(
            'button',
            {
              class: 'jl-sheet-item jl-scan-use',
              onclick: () => ((result = text.value.trim() || null), sheet.close()),
            },
            '用这个内容',
          ),
        ],
        { title: '扫一扫（网页运行器：粘贴或选择一个码）' },
      )
      await sheet.closed
      if (result === null) throw new ApiFail('cancel')
      const code: string = result
      // A mini-program code of this app answers its page's path too, as WeChat's scan does.
      const isPath = /^\/?(pages|subpackages|[a-z][\w-]*\/)/.test(code) && manifestHasRoute(code)
      return {
        result: code,
        scanType: 'QR_CODE',
        charSet: 'utf8',
        ...(isPath ? { path: code } : {}),
        rawData: btoa(unescape(encodeURIComponent(code))),
      }
    }),
    setClipboardData: asyncApi('setClipboardData', (o) => {
      clipboard = String(o['data'] ?? '')
      void navigator.clipboard?.writeText(clipboard).catch(() => undefined)
      phone.toast({ title: '内容已复制', icon: 'none', duration: 1500, mask: false })
    }),
    getClipboardData: asyncApi('getClipboardData', () => ({ data: clipboard })),
    makePhoneCall: asyncApi('makePhoneCall', async (o) => {
      const result = await phone.modal({
        title: String(o['phoneNumber'] ?? ''),
        content: '呼叫这个号码？（网页运行器不会真的拨号）',
        confirmText: '呼叫',
      })
      if (!result.confirm) throw new ApiFail('cancel')
    }),
    vibrateShort: asyncApi('vibrateShort', () => void navigator.vibrate?.(15)),
    vibrateLong: asyncApi('vibrateLong', () => void navigator.vibrate?.(400)),
  }
}

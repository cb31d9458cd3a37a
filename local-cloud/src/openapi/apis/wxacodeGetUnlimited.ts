/**
 * wxacode.getUnlimited: a real, scannable PNG QR code of `<page>?scene=<scene>` instead of the
 * round mini-program code, with WeChat's checks of `scene` and `page`.
 */
import { binaryAnswer, wechatError } from '../openApiAnswer'
import { type OpenApiHandler } from '../openApiHandler'
import { qrCodePng, type Rgb } from '../qrCodePng'

const MAX_SCENE_CHARACTERS = 32
/** The characters WeChat documents for `scene`; anything else must be encoded by the caller. */
const SCENE_CHARACTERS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/
const DEFAULT_WIDTH = 430
const MIN_WIDTH = 280
const MAX_WIDTH = 1280

function toRgb(value: unknown): Rgb {
  const color = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >
  const channel = (key: string) => {
    const number = Number(color[key] ?? 0)
    return Number.isFinite(number) ? Math.min(255, Math.max(0, Math.round(number))) : 0
  }
  return { r: channel('r'), g: channel('g'), b: channel('b') }
}

export const wxacodeGetUnlimited: OpenApiHandler = (params) => {
  const { scene, page, width, line_color, auto_color, is_hyaline } = params
  if (
    typeof scene !== 'string' ||
    scene === '' ||
    Array.from(scene).length > MAX_SCENE_CHARACTERS
  ) {
    return wechatError(40169, 'invalid length for scene, or the data is not json string')
  }
  if (!SCENE_CHARACTERS.test(scene)) {
    return wechatError(
      40169,
      "invalid scene: only 0-9 A-Z a-z and !#$&'()*+,/:;=?@-._~ are allowed",
    )
  }
  if (page !== undefined && (typeof page !== 'string' || page.startsWith('/'))) {
    return wechatError(41030, 'invalid page: give it without a leading /, e.g. pages/index/index')
  }
  const requestedWidth = typeof width === 'number' && Number.isFinite(width) ? width : DEFAULT_WIDTH
  const png = qrCodePng(page ? `${page}?scene=${scene}` : `?scene=${scene}`, {
    width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(requestedWidth))),
    // auto_color picks a colour from the artwork on WeChat; black is the honest stand-in.
    lineColor: auto_color === true ? { r: 0, g: 0, b: 0 } : toRgb(line_color),
    transparent: is_hyaline === true,
  })
  return binaryAnswer('image/png', png)
}

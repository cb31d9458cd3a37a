/**
 * A scannable QR code as a PNG: the stand-in for the round mini-program code of
 * wxacode.getUnlimited. The modules come from the `qrcode` package, the pixels from png.ts.
 */
import QRCode from 'qrcode'
import { encodePng } from './png'

export interface Rgb {
  r: number
  g: number
  b: number
}

export interface QrCodePngOptions {
  /** Side of the square image in pixels. */
  width: number
  lineColor: Rgb
  /** Transparent background instead of white (getUnlimited's `is_hyaline`). */
  transparent: boolean
}

/** Scanners need a light margin of 4 modules around the code. */
const QUIET_ZONE = 4

export function qrCodePng(text: string, options: QrCodePngOptions): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const span = modules.size + 2 * QUIET_ZONE
  const scale = Math.max(1, Math.floor(options.width / span))
  const side = Math.max(options.width, span * scale)
  const offset = Math.floor((side - span * scale) / 2) + QUIET_ZONE * scale

  const dark = Buffer.from([options.lineColor.r, options.lineColor.g, options.lineColor.b, 255])
  const light = Buffer.from(options.transparent ? [255, 255, 255, 0] : [255, 255, 255, 255])
  const rowBytes = side * 4
  const drawRow = (moduleRow: number): Buffer => {
    const pixels = Buffer.alloc(rowBytes)
    for (let x = 0; x < side; x++) {
      const column = Math.floor((x - offset) / scale)
      const inside =
        moduleRow >= 0 && moduleRow < modules.size && x >= offset && column < modules.size
      const color = inside && modules.get(moduleRow, column) ? dark : light
      color.copy(pixels, x * 4)
    }
    return pixels
  }
  const rgba = Buffer.alloc(side * rowBytes)
  // Pixel rows of the same module row are identical: draw each once.
  const drawn = new Map<number, Buffer>()
  for (let y = 0; y < side; y++) {
    const moduleRow = y < offset ? -1 : Math.floor((y - offset) / scale)
    let pixels = drawn.get(moduleRow)
    if (!pixels) drawn.set(moduleRow, (pixels = drawRow(moduleRow)))
    pixels.copy(rgba, y * rowBytes)
  }
  return encodePng(side, side, rgba)
}

/**
 * Reads back the pixels of an 8-bit RGBA, unfiltered PNG (what the local cloud's encoder writes),
 * so a test can look at a QR code module by module.
 */
import { inflateSync } from 'node:zlib'

export interface Pixels {
  width: number
  height: number
  /** RGBA of (x, y). */
  at(x: number, y: number): [number, number, number, number]
}

export function pngPixels(png: Buffer): Pixels {
  let offset = 8 // signature
  let width = 0
  let height = 0
  const idat: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    const data = png.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      if (data[8] !== 8 || data[9] !== 6) throw new Error('pngPixels reads 8-bit RGBA only')
    }
    if (type === 'IDAT') idat.push(data)
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * 4 + 1
  return {
    width,
    height,
    at(x, y) {
      if (raw[y * stride] !== 0) throw new Error('pngPixels reads unfiltered rows only')
      const start = y * stride + 1 + x * 4
      return [raw[start]!, raw[start + 1]!, raw[start + 2]!, raw[start + 3]!]
    },
  }
}

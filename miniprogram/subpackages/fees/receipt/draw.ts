/**
 * The receipt as an image: drawn on a 2d canvas so the household can save it to the album or
 * forward it. Pure drawing on whatever context it is given, so tests can watch what it draws.
 */
import type { FeesActions } from '../../../../typings'
import { formatFen } from '../../../utils/money'
import { formatBeijing } from '../../../utils/time'

export type ReceiptData = FeesActions['getReceipt']['output']

/** The part of CanvasRenderingContext2D the receipt uses. */
export interface ReceiptContext {
  fillStyle: string
  strokeStyle: string
  lineWidth: number
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  stroke(): void
  save(): void
  restore(): void
  translate(x: number, y: number): void
  rotate(angle: number): void
}

export interface ReceiptContent {
  title: string
  place: string
  number: string
  rows: Array<[string, string]>
  voided: string | null
  footer: string
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖'
const UNITS = ['', '拾', '佰', '仟']
const SECTIONS = ['', '万', '亿', '兆']

/** `6050` → `陆拾元伍角`, `3000` → `叁拾元整`: the amount in capitals, as receipts write it. */
export function chineseAmount(amountFen: number): string {
  if (amountFen === 0) return '零元整'
  const yuan = Math.floor(amountFen / 100)
  const jiao = Math.floor((amountFen % 100) / 10)
  const fen = amountFen % 10
  let text = ''
  if (yuan > 0) {
    const sections: number[] = []
    for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10000)) sections.push(rest % 10000)
    let needZero = false
    for (let s = sections.length - 1; s >= 0; s--) {
      const section = sections[s]!
      if (section === 0) {
        needZero = text !== ''
        continue
      }
      if (needZero || (text !== '' && section < 1000)) text += '零'
      needZero = false
      let part = ''
      let zero = false
      for (let u = 3; u >= 0; u--) {
        const digit = Math.floor(section / 10 ** u) % 10
        if (digit === 0) {
          zero = part !== ''
          continue
        }
        if (zero) part += '零'
        zero = false
        part += DIGITS[digit]! + UNITS[u]!
      }
      text += part + SECTIONS[s]!
    }
    text += '元'
  }
  if (jiao === 0 && fen === 0) return `${text}整`
  if (jiao > 0) text += `${DIGITS[jiao]}角`
  else if (yuan > 0) text += '零'
  if (fen > 0) text += `${DIGITS[fen]}分`
  return text
}

export function receiptContent(receipt: ReceiptData): ReceiptContent {
  return {
    title: '楼栋管理费收据',
    place: `${receipt.communityName} ${receipt.buildingName}`,
    number: `No. ${receipt.number}`,
    rows: [
      ['房号', receipt.room],
      ['缴费期', receipt.periods.map((p) => p.label).join('、')],
      ['金额', formatFen(receipt.amountFen)],
      ['大写', chineseAmount(receipt.amountFen)],
      ['收款方式', receipt.methodLabel],
      ['缴费日期', receipt.paidOn],
      ['开具时间', formatBeijing(receipt.recordedAt, 'YYYY-MM-DD HH:mm')],
    ],
    voided: receipt.voided ? `作废：${receipt.voided.reason}` : null,
    footer: '由楼栋长登记 · 账目在“本楼公开账本”可查',
  }
}

/** How wide a character is, in widths of a Chinese character. */
const widthOf = (ch: string): number => (ch.charCodeAt(0) < 256 ? 0.55 : 1)

/**
 * Splits text into lines at most `perLine` Chinese characters wide, breaking after 、 when it
 * can so that a period's name stays on one line.
 */
export function wrap(text: string, perLine: number): string[] {
  // No lookbehind: older iOS JavaScript engines cannot parse it.
  const parts = text.split('、')
  const tokens = parts.map((part, i) => (i < parts.length - 1 ? `${part}、` : part))
  const lines: string[] = []
  let line = ''
  let width = 0
  const push = (piece: string, pieceWidth: number) => {
    if (width + pieceWidth > perLine && line) {
      lines.push(line)
      line = ''
      width = 0
    }
    line += piece
    width += pieceWidth
  }
  for (const token of tokens) {
    const tokenWidth = Array.from(token).reduce((sum, ch) => sum + widthOf(ch), 0)
    if (tokenWidth <= perLine) push(token, tokenWidth)
    else for (const ch of Array.from(token)) push(ch, widthOf(ch))
  }
  if (line || lines.length === 0) lines.push(line)
  return lines
}

/** Draws the receipt into a `width` × `height` area (in the context's units). */
export function drawReceipt(
  ctx: ReceiptContext,
  content: ReceiptContent,
  width: number,
  height: number,
): void {
  const red = '#c8161d'
  const pad = Math.round(width * 0.06)
  const size = Math.round(width / 20)
  ctx.fillStyle = '#fffdf7'
  ctx.fillRect(0, 0, width, height)
  ctx.strokeStyle = red
  ctx.lineWidth = 3
  ctx.strokeRect(pad / 2, pad / 2, width - pad, height - pad)
  ctx.lineWidth = 1
  ctx.strokeRect(pad / 2 + 6, pad / 2 + 6, width - pad - 12, height - pad - 12)

  ctx.textBaseline = 'top'
  ctx.textAlign = 'center'
  ctx.fillStyle = red
  ctx.font = `bold ${Math.round(size * 1.5)}px sans-serif`
  let y = pad + 8
  ctx.fillText(content.title, width / 2, y)
  y += Math.round(size * 2.2)
  ctx.fillStyle = '#333333'
  ctx.font = `${size}px sans-serif`
  ctx.fillText(content.place, width / 2, y)
  y += Math.round(size * 1.6)
  ctx.textAlign = 'right'
  ctx.fillText(content.number, width - pad - 8, y)
  y += Math.round(size * 1.6)

  ctx.strokeStyle = '#dddddd'
  const labelX = pad + 8
  const valueX = pad + 8 + size * 5
  const perLine = Math.max(4, Math.floor((width - valueX - pad - 8) / size))
  for (const [label, value] of content.rows) {
    ctx.beginPath()
    ctx.moveTo(labelX, y - size * 0.4)
    ctx.lineTo(width - pad - 8, y - size * 0.4)
    ctx.stroke()
    ctx.textAlign = 'left'
    ctx.fillStyle = '#666666'
    ctx.fillText(label, labelX, y)
    ctx.fillStyle = label === '金额' ? red : '#1f1f1f'
    for (const line of wrap(value, perLine)) {
      ctx.fillText(line, valueX, y)
      y += Math.round(size * 1.4)
    }
    y += Math.round(size * 0.5)
  }

  ctx.textAlign = 'center'
  ctx.fillStyle = '#888888'
  ctx.font = `${Math.round(size * 0.8)}px sans-serif`
  ctx.fillText(content.footer, width / 2, height - pad - size * 1.5)

  if (content.voided) {
    ctx.save()
    ctx.translate(width / 2, height / 2)
    ctx.rotate(-Math.PI / 8)
    ctx.strokeStyle = red
    ctx.lineWidth = 4
    ctx.strokeRect(-size * 3.5, -size * 1.6, size * 7, size * 3.2)
    ctx.fillStyle = red
    ctx.font = `bold ${size * 2.4}px sans-serif`
    ctx.textBaseline = 'middle'
    ctx.fillText('作废', 0, 0)
    ctx.restore()
    ctx.textAlign = 'center'
    ctx.textBaseline = 'top'
    ctx.fillStyle = red
    ctx.font = `${size}px sans-serif`
    ctx.fillText(content.voided, width / 2, height - pad - size * 3.2)
  }
}

import { type AppError } from '../../../cloudfunctions/shared/errors'
import {
  docId,
  fen,
  input,
  oneOf,
  parseInput,
  requestId,
  text,
} from '../../../cloudfunctions/shared/validation'

const payment = input({
  householdId: docId('房屋'),
  amountFen: fen('金额', { min: 1 }),
  method: oneOf('付款方式', ['现金', '微信转账', '其他']),
  note: text('备注', { max: 5 }).optional(),
  requestId: requestId(),
})

function errorOf(raw: unknown): AppError {
  try {
    parseInput(payment, raw)
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected a validation error')
}

const good = { householdId: 'h-17-301', amountFen: 3000, method: '现金', requestId: 'req-00000001' }

describe('input validation', () => {
  it('accepts a whole valid input and trims text', () => {
    expect(parseInput(payment, { ...good, note: '  三月  ' })).toEqual({ ...good, note: '三月' })
  })

  it.each([
    [{ ...good, amountFen: 12.5 }, 'amountFen', '金额必须精确到分'],
    [{ ...good, amountFen: 0 }, 'amountFen', '金额不能小于 0.01 元'],
    [{ ...good, method: '支付宝' }, 'method', '请选择有效的付款方式'],
    [{ ...good, note: '备注写得太长了' }, 'note', '备注最多 5 个字'],
    [{ ...good, note: '   ' }, 'note', '请填写备注'],
    [{ ...good, householdId: '../etc' }, 'householdId', '房屋格式不正确'],
    [{ ...good, requestId: undefined }, 'requestId', '缺少请求编号'],
  ])('names the bad field in Chinese (%#)', (raw, field, message) => {
    const error = errorOf(raw)
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toBe(message)
    expect(error.details).toEqual([{ field, message }])
  })
})

describe('text a person reads', () => {
  const name = text('称呼', { max: 20 })
  const messageOf = (value: string) => name.safeParse(value).error?.issues[0]?.message

  it('refuses characters that hide, reorder or break the text, naming the field', () => {
    expect(messageOf('王\u0000五')).toBe('称呼含有不可见的控制字符')
    expect(messageOf('王\u001b[31m五')).toBe('称呼含有不可见的控制字符')
    expect(messageOf('\u202Egnp.exe')).toBe('称呼含有改变文字方向的控制字符')
    expect(messageOf('a\uD800b')).toBe('称呼含有无法显示的字符')
    expect(messageOf('\u200B\u200B\u3164')).toBe('请填写称呼')
  })

  it('keeps what people really write: emoji sequences, line breaks, full-width text', () => {
    for (const ok of ['黄大伯👨‍👩‍👧', '第一行\n第二行', 'ＡＢＣ　楼', '🏳️‍🌈']) {
      expect(name.safeParse(ok).success).toBe(true)
    }
  })
})

it('shows an unknown field’s name short and plain', () => {
  const error = errorOf({ ...good, ['x'.repeat(100_000) + '\u202E']: 1 })
  expect(error.message.length).toBeLessThan(60)
})

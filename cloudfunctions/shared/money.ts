/** Money is integer fen from input to storage; yuan exist only as text for people. */

/** `1250` → `¥12.50`; negative amounts keep their sign in front: `-¥3.00`. */
export function formatFen(amountFen: number): string {
  assertFen(amountFen)
  const sign = amountFen < 0 ? '-' : ''
  const abs = Math.abs(amountFen)
  const yuan = Math.floor(abs / 100)
  const fen = abs % 100
  return `${sign}¥${yuan.toLocaleString('en-US')}.${String(fen).padStart(2, '0')}`
}

/** Parses yuan typed by a person (`12`, `12.5`, `12.50`) exactly, without floating point. */
export function parseYuan(text: string): number {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text)
  if (!match) throw new RangeError(`not an amount in yuan: ${text}`)
  const yuan = Number(match[1])
  const fen = Number((match[2] ?? '').padEnd(2, '0'))
  return yuan * 100 + fen
}

export function assertFen(amountFen: number): void {
  if (!Number.isSafeInteger(amountFen))
    throw new RangeError(`amount in fen must be an integer: ${amountFen}`)
}

/** Sums fen amounts, refusing anything that is not an integer. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0
  for (const amount of amounts) {
    assertFen(amount)
    total += amount
  }
  assertFen(total)
  return total
}

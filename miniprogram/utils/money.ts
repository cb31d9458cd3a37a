/** Money on the phone: integer fen in and out; yuan only as text for people. */

/** `1250` → `¥12.50`; `123456700` → `¥1,234,567.00`; negative keeps its sign in front. */
export function formatFen(amountFen: number): string {
  const sign = amountFen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(amountFen))
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',')
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`
}

/** Yuan typed by a person (`30`, `30.5`, `30.50`) to fen, exactly; null when it is not an amount. */
export function parseYuan(text: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text)
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] || '').padEnd(2, '0'))
}

/** `3000` → `30.00`, for an input's initial value. */
export function fenToYuanText(amountFen: number): string {
  return `${Math.floor(amountFen / 100)}.${String(amountFen % 100).padStart(2, '0')}`
}

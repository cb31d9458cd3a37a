/**
 * The deployment's limit on one amount (a receipt or an expense), against typing one zero too
 * many: `limits.feeMaxAmountFen` in jinlin.config.json, set as JINLIN_FEE_MAX_AMOUNT_FEN.
 */
import { formatFen } from '../../shared/money'
import { AppError } from '../../shared/errors'

export const FEE_MAX_AMOUNT_ENV = 'JINLIN_FEE_MAX_AMOUNT_FEN'
/** ¥50,000.00 unless configured. */
export const DEFAULT_MAX_AMOUNT_FEN = 5_000_000

export function maxAmountFen(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env[FEE_MAX_AMOUNT_ENV])
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_AMOUNT_FEN
}

export function requireWithinLimit(amountFen: number, field = 'amountFen'): void {
  const max = maxAmountFen()
  if (amountFen > max) {
    throw new AppError('INVALID_ARGUMENT', `金额不能超过 ${formatFen(max)}`, [
      { field, message: `超过单笔上限 ${formatFen(max)}` },
    ])
  }
}

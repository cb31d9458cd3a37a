/** Every action of `fees`, for the router and for tests that run them with a moved clock. */
import { arrears } from './arrears'
import { collectionRates } from './collectionRates'
import { countersignExpense } from './countersignExpense'
import { exportLedger } from './exportLedger'
import { getPlan } from './getPlan'
import { getReceipt } from './getReceipt'
import { householdFees } from './householdFees'
import { listExpenses } from './listExpenses'
import { listReceipts } from './listReceipts'
import { openAccount } from './openAccount'
import { recordExpense } from './recordExpense'
import { recordPayment } from './recordPayment'
import { remind } from './remind'
import { savePlan } from './savePlan'
import { voidExpense } from './voidExpense'
import { voidReceipt } from './voidReceipt'

export const feeActions = {
  getPlan,
  savePlan,
  recordPayment,
  voidReceipt,
  recordExpense,
  voidExpense,
  countersignExpense,
  householdFees,
  openAccount,
  listReceipts,
  listExpenses,
  getReceipt,
  arrears,
  remind,
  collectionRates,
  exportLedger,
}

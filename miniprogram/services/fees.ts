/** The `fees` function: 楼栋管理费. */
import type { FeesActions } from '../../typings'
import { callCloud } from './cloud'

type In<A extends keyof FeesActions> = FeesActions[A]['input']
type Out<A extends keyof FeesActions> = Promise<FeesActions[A]['output']>

export const fees = {
  getPlan: (buildingId: string): Out<'getPlan'> => callCloud('fees', 'getPlan', { buildingId }),
  savePlan: (input: In<'savePlan'>): Out<'savePlan'> => callCloud('fees', 'savePlan', input),
  recordPayment: (input: In<'recordPayment'>): Out<'recordPayment'> =>
    callCloud('fees', 'recordPayment', input),
  voidReceipt: (input: In<'voidReceipt'>): Out<'voidReceipt'> =>
    callCloud('fees', 'voidReceipt', input),
  recordExpense: (input: In<'recordExpense'>): Out<'recordExpense'> =>
    callCloud('fees', 'recordExpense', input),
  voidExpense: (input: In<'voidExpense'>): Out<'voidExpense'> =>
    callCloud('fees', 'voidExpense', input),
  countersignExpense: (expenseId: string): Out<'countersignExpense'> =>
    callCloud('fees', 'countersignExpense', { expenseId }),
  householdFees: (householdId: string): Out<'householdFees'> =>
    callCloud('fees', 'householdFees', { householdId }),
  openAccount: (buildingId: string, period?: string): Out<'openAccount'> =>
    callCloud('fees', 'openAccount', period ? { buildingId, period } : { buildingId }),
  listReceipts: (input: In<'listReceipts'>): Out<'listReceipts'> =>
    callCloud('fees', 'listReceipts', input),
  listExpenses: (input: In<'listExpenses'>): Out<'listExpenses'> =>
    callCloud('fees', 'listExpenses', input),
  getReceipt: (receiptId: string): Out<'getReceipt'> =>
    callCloud('fees', 'getReceipt', { receiptId }),
  arrears: (input: In<'arrears'>): Out<'arrears'> => callCloud('fees', 'arrears', input),
  remind: (householdId: string): Out<'remind'> => callCloud('fees', 'remind', { householdId }),
  collectionRates: (communityId: string, month: string): Out<'collectionRates'> =>
    callCloud('fees', 'collectionRates', { communityId, month }),
  exportLedger: (buildingId: string, period: string): Out<'exportLedger'> =>
    callCloud('fees', 'exportLedger', { buildingId, period }),
}

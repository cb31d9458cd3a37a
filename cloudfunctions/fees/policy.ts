/**
 * Who may call each action of `fees`, and on what (see shared/policy.ts): the building's heads
 * keep the books (they hold the money); its residents see the open account and their own
 * household; the community's staff see everything in it.
 */
import type { Policy, Rule } from '../shared/policy'
import { inBuilding, inCommunity, inHousehold, ofRecord } from '../shared/scopes'
import { FEE_COLLECTIONS } from './lib/model'

const HEAD = '只有本楼的楼栋长可以记账'
const MANAGERS = '只有本楼的楼栋长或本社区的工作人员可以查看'
const VIEWERS = '只有本楼住户、楼栋长和本社区工作人员可以查看本楼账目'

const receipt = ofRecord('receiptId', FEE_COLLECTIONS.receipts, '收据', {}, '张')
const expense = ofRecord('expenseId', FEE_COLLECTIONS.expenses, '支出', {}, '笔', 'recordedBy')

const viewersOf = <I>(scope: Rule<I>['scope']): Rule<I> => ({
  allow: ['resident', 'buildingHead', 'staff'],
  scope,
  denied: VIEWERS,
})

export const feesPolicy: Policy<'fees'> = {
  getPlan: viewersOf(inBuilding('buildingId')),
  savePlan: { allow: ['buildingHead'], scope: inBuilding('buildingId'), denied: HEAD },
  recordPayment: { allow: ['buildingHead'], scope: inHousehold('householdId'), denied: HEAD },
  voidReceipt: { allow: ['buildingHead'], scope: receipt, denied: HEAD },
  recordExpense: { allow: ['buildingHead'], scope: inBuilding('buildingId'), denied: HEAD },
  voidExpense: { allow: ['buildingHead'], scope: expense, denied: HEAD },
  countersignExpense: {
    allow: ['resident'],
    scope: expense,
    notBySubject: '记账的人不能为自己记的支出签字，请另一位住户核对',
    denied: '只有本楼已绑定房屋的住户可以核对签字',
  },
  householdFees: {
    allow: ['household', 'buildingHead', 'staff'],
    scope: inHousehold('householdId'),
    denied: '只能查看自己家的缴费情况',
  },
  openAccount: viewersOf(inBuilding('buildingId')),
  listReceipts: viewersOf(inBuilding('buildingId')),
  listExpenses: viewersOf(inBuilding('buildingId')),
  getReceipt: viewersOf(receipt),
  arrears: { allow: ['buildingHead', 'staff'], scope: inBuilding('buildingId'), denied: MANAGERS },
  remind: { allow: ['buildingHead'], scope: inHousehold('householdId'), denied: HEAD },
  collectionRates: {
    allow: ['staff'],
    scope: inCommunity('communityId'),
    denied: '只有本社区的工作人员可以进行这项操作',
  },
  exportLedger: {
    allow: ['buildingHead', 'staff'],
    scope: inBuilding('buildingId'),
    denied: MANAGERS,
  },
}

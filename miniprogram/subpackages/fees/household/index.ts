/**
 * 我家的管理费: each period of my household (paid with its receipt, due, overdue, exempt), what
 * is still owed, my receipts, and the way to the building's open account. A head sees the same
 * for any household of the building and can record a payment from here.
 */
import type { HouseholdFeesView, PeriodStatus } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { community } from '../../../services/community'
import { fees } from '../../../services/fees'
import { askForNotices } from '../../../services/subscribe'
import { messageOf } from '../../../utils/feedback'
import { formatFen } from '../../../utils/money'

const STATUS: Record<PeriodStatus, { text: string; tag: string }> = {
  paid: { text: '已缴', tag: 'success' },
  due: { text: '本期待缴', tag: 'warning' },
  overdue: { text: '逾期未缴', tag: 'danger' },
  exempt: { text: '免缴', tag: 'default' },
  upcoming: { text: '未到期', tag: 'default' },
}

interface PeriodRow {
  key: string
  label: string
  statusText: string
  tag: string
  detail: string
  receiptId: string
}

interface ReceiptRow {
  id: string
  number: string
  title: string
  detail: string
  voided: boolean
}

Component({
  behaviors: [pageBehavior],
  data: {
    loading: true,
    error: '',
    /** Set when the user has no approved household to show. */
    noHome: false,
    householdId: '',
    buildingId: '',
    title: '',
    planText: '',
    summary: '',
    owing: false,
    canRecord: false,
    periods: [] as PeriodRow[],
    receipts: [] as ReceiptRow[],
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ householdId: query['householdId'] ?? '' })
      void this.load()
    },

    async load() {
      this.setData({ loading: true, error: '' })
      try {
        let householdId = this.data.householdId
        if (!householdId) {
          const me = await community.me()
          const home = me.bindings.find((b) => b.status === 'approved')
          if (!home) {
            this.setData({ loading: false, noHome: true })
            return
          }
          householdId = home.householdId
        }
        this.show(await fees.householdFees(householdId))
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    show(view: HouseholdFeesView) {
      const { totals } = view
      const owing = totals.dueCount + totals.overdueCount
      this.setData({
        loading: false,
        householdId: view.household.id,
        buildingId: view.household.buildingId,
        title: `${view.household.buildingName} ${view.household.room}`,
        planText: view.plan
          ? `${view.plan.cycleLabel} ${formatFen(view.plan.amountFen)}`
          : '本楼还没有设置收费标准',
        summary:
          owing > 0
            ? `还有 ${owing} 期未缴，共 ${formatFen(totals.unpaidFen)}`
            : view.plan
              ? '已全部缴清，谢谢您的支持'
              : '',
        owing: owing > 0,
        canRecord: view.canRecord,
        periods: view.periods
          .filter((p) => p.status !== 'upcoming')
          .map((p) => ({
            key: p.key,
            label: p.label,
            statusText: STATUS[p.status].text,
            tag: STATUS[p.status].tag,
            detail:
              p.status === 'paid'
                ? `收据 ${p.receipt ? p.receipt.number : ''}`
                : p.status === 'exempt'
                  ? `免缴：${p.exemptReason || ''}`
                  : formatFen(p.amountFen),
            receiptId: p.receipt ? p.receipt.id : '',
          })),
        receipts: view.receipts.map((r) => ({
          id: r.id,
          number: r.number,
          title: `${r.number}${r.voided ? '（作废）' : ''}`,
          detail: `${r.periods.map((p) => p.label).join('、')} · ${formatFen(r.amountFen)} · ${r.paidOn}`,
          voided: r.voided !== null,
        })),
      })
    },

    openReceipt(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] || '')
      if (id) wx.navigateTo({ url: `/subpackages/fees/receipt/index?receiptId=${id}` })
    },

    openAccount() {
      wx.navigateTo({ url: `/subpackages/fees/account/index?buildingId=${this.data.buildingId}` })
    },

    openRecord() {
      wx.navigateTo({
        url: `/subpackages/fees/record/index?buildingId=${this.data.buildingId}&householdId=${this.data.householdId}`,
      })
    },

    openBind() {
      wx.navigateTo({ url: '/subpackages/community/bind/index' })
    },

    /** Straight from the tap, as WeChat requires: each allowance is good for one reminder. */
    subscribe() {
      void askForNotices(['feeReminder']).then(() =>
        wx.showToast({ title: '楼栋长提醒时会通知您', icon: 'none' }),
      )
    },
  },
})

/**
 * 欠费 for heads and staff: each household with unpaid periods, how much, and whether its
 * residents can be reminded in the app. The head sends a 缴费提醒 (once a day per household).
 */
import type { ArrearsRow } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { fees } from '../../../services/fees'
import { messageOf, showError } from '../../../utils/feedback'
import { formatFen } from '../../../utils/money'

interface Row {
  householdId: string
  room: string
  amount: string
  detail: string
  canRemind: boolean
  reminded: boolean
}

function row(r: ArrearsRow, canRemind: boolean): Row {
  const overdue = r.periods.filter((p) => p.overdue).length
  return {
    householdId: r.householdId,
    room: r.room,
    amount: formatFen(r.amountFen),
    detail: `${r.periods.length} 期${overdue ? `（逾期 ${overdue} 期）` : ''}：${r.periods
      .map((p) => p.label)
      .join('、')}`,
    canRemind: canRemind && r.residents > 0,
    reminded: r.remindedToday,
  }
}

Component({
  behaviors: [pageBehavior],
  data: {
    buildingId: '',
    loading: true,
    error: '',
    title: '',
    totalText: '',
    canRemind: false,
    rows: [] as Row[],
    cursor: null as string | null,
    busy: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ buildingId: query['buildingId'] ?? '' })
      void this.load()
    },

    async load() {
      this.setData({ loading: true, error: '' })
      try {
        const view = await fees.arrears({ buildingId: this.data.buildingId })
        this.setData({
          loading: false,
          title: view.buildingName,
          totalText: view.totals.households
            ? `${view.totals.households} 户欠费，共 ${view.totals.periods} 期 ${formatFen(view.totals.amountFen)}`
            : '',
          canRemind: view.canRemind,
          rows: view.items.map((r) => row(r, view.canRemind)),
          cursor: view.nextCursor,
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    async more() {
      if (!this.data.cursor) return
      try {
        const view = await fees.arrears({
          buildingId: this.data.buildingId,
          cursor: this.data.cursor,
        })
        this.setData({
          rows: this.data.rows.concat(view.items.map((r) => row(r, view.canRemind))),
          cursor: view.nextCursor,
        })
      } catch (error) {
        showError(error)
      }
    },

    async remind(event: WechatMiniprogram.CustomEvent) {
      const householdId = String(event.currentTarget.dataset['id'])
      if (this.data.busy) return
      this.setData({ busy: householdId })
      try {
        const result = await fees.remind(householdId)
        const index = this.data.rows.findIndex((r) => r.householdId === householdId)
        this.setData({ [`rows[${index}].reminded`]: true })
        wx.showToast({
          title:
            result.sent > 0
              ? `已提醒 ${result.sent} 位住户`
              : '住户还没有订阅缴费提醒，请当面或电话联系',
          icon: 'none',
          duration: 3000,
        })
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ busy: '' })
      }
    },

    openHousehold(event: WechatMiniprogram.CustomEvent) {
      wx.navigateTo({
        url: `/subpackages/fees/household/index?householdId=${String(event.currentTarget.dataset['id'])}`,
      })
    },
  },
})

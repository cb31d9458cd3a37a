/**
 * 管理费收缴率 for community staff: every building for a month (the building's own period that
 * contains it), paid of due, the rate and the fund's balance; a tap opens its account.
 */
import type { CollectionRatesView } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { fees } from '../../../services/fees'
import { messageOf } from '../../../utils/feedback'
import { formatFen } from '../../../utils/money'
import { lastMonths } from '../../../utils/time'

interface Row {
  buildingId: string
  title: string
  detail: string
  rate: string
  /** rate-low under 60%, rate-none without a plan. */
  rateClass: string
}

Component({
  behaviors: [pageBehavior],
  data: {
    communityId: '',
    loading: true,
    error: '',
    months: [] as string[],
    monthIndex: 0,
    rows: [] as Row[],
    totalText: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ communityId: query['communityId'] ?? '', months: lastMonths(new Date(), 12) })
      void this.load()
    },

    onMonth(event: WechatMiniprogram.CustomEvent) {
      this.setData({ monthIndex: Number(event.detail.value) })
      void this.load()
    },

    async load() {
      this.setData({ loading: true, error: '' })
      try {
        const view: CollectionRatesView = await fees.collectionRates(
          this.data.communityId,
          this.data.months[this.data.monthIndex] ?? '',
        )
        const due = view.totals.households - view.totals.exempt
        this.setData({
          loading: false,
          totalText: due
            ? `全社区 ${view.totals.paid}/${due} 户已缴，应收 ${formatFen(view.totals.dueFen)}，实收 ${formatFen(view.totals.paidFen)}`
            : '本月还没有楼栋收费',
          rows: view.rows.map((r) => ({
            buildingId: r.buildingId,
            title: r.buildingName,
            detail: r.period
              ? `${r.period.label} · 已缴 ${r.paid}/${r.households - r.exempt} 户${r.exempt ? `（免缴 ${r.exempt} 户）` : ''} · 结余 ${formatFen(r.balanceFen)}`
              : '未设置收费标准',
            rate: r.ratePercent === null ? '—' : `${r.ratePercent}%`,
            rateClass:
              r.ratePercent === null ? 'rate-none' : r.ratePercent < 60 ? 'rate-low' : 'rate',
          })),
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    openAccount(event: WechatMiniprogram.CustomEvent) {
      wx.navigateTo({
        url: `/subpackages/fees/account/index?buildingId=${String(event.currentTarget.dataset['id'])}`,
      })
    },
  },
})

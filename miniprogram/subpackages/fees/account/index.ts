/**
 * 公开账本: the building's fund for every household to see. The balance with income, voided
 * income and expenses, per year; each room's status for a period (room numbers only); the
 * expenses with their receipt photos, which residents can countersign; every receipt, voided
 * ones marked. Heads and staff also get their tools here.
 */
import type { ExpenseView, OpenAccountView, ReceiptView } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { fees } from '../../../services/fees'
import { photoSrc } from '../../../services/upload'
import { messageOf, showError } from '../../../utils/feedback'
import { formatFen } from '../../../utils/money'

const ROOM_STATUS = { paid: '已缴', unpaid: '未缴', exempt: '免缴' }

interface ExpenseRow {
  id: string
  title: string
  detail: string
  photos: string[]
  signed: string
  canCountersign: boolean
  voided: boolean
}

interface ReceiptRow {
  id: string
  title: string
  detail: string
  voided: boolean
}

function expenseRow(e: ExpenseView): ExpenseRow {
  return {
    id: e.id,
    title: `${e.purpose}  ${formatFen(e.amountFen)}${e.voided ? '（作废）' : ''}`,
    detail: e.voided
      ? `${e.spentOn} · 作废：${e.voided.reason}`
      : `${e.spentOn}${e.photos.length ? '' : ' · 无凭证照片'}`,
    photos: e.photos.map(photoSrc),
    signed: e.countersigns.length
      ? `已核对签字：${e.countersigns.map((c) => c.room).join('、')}`
      : '还没有住户核对',
    canCountersign: e.canCountersign,
    voided: e.voided !== null,
  }
}

function receiptRow(r: ReceiptView): ReceiptRow {
  return {
    id: r.id,
    title: `${r.room}  ${formatFen(r.amountFen)}${r.voided ? '（作废）' : ''}`,
    detail: `${r.number} · ${r.periods.map((p) => p.label).join('、')}`,
    voided: r.voided !== null,
  }
}

Component({
  behaviors: [pageBehavior],
  data: {
    buildingId: '',
    loading: true,
    error: '',
    view: null as OpenAccountView | null,
    planText: '',
    balance: '',
    lines: [] as Array<{ label: string; value: string }>,
    years: [] as Array<{ year: number; text: string }>,
    periodLabels: [] as string[],
    periodIndex: 0,
    rooms: [] as Array<{ room: string; status: string; text: string }>,
    countsText: '',
    expenses: [] as ExpenseRow[],
    receipts: [] as ReceiptRow[],
    receiptCursor: null as string | null,
    loadingMore: false,
    signing: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ buildingId: query['buildingId'] ?? '' })
      void this.load()
    },

    reload() {
      const view = this.data.view
      void this.load(view && view.period ? view.period.key : undefined)
    },

    async load(period?: string) {
      this.setData({ loading: this.data.view === null, error: '' })
      try {
        const [view, receipts] = await Promise.all([
          fees.openAccount(this.data.buildingId, period),
          fees.listReceipts({ buildingId: this.data.buildingId, pageSize: 10 }),
        ])
        const t = view.totals
        this.setData({
          loading: false,
          view,
          planText: view.plan
            ? `${view.plan.cycleLabel}每户 ${formatFen(view.plan.amountFen)}`
            : '还没有设置收费标准',
          balance: formatFen(t.balanceFen),
          lines: [
            { label: '累计收入', value: `${formatFen(t.incomeFen)}（${t.receiptCount} 张收据）` },
            {
              label: '作废收据',
              value: `-${formatFen(t.voidedIncomeFen)}（${t.voidedReceiptCount} 张）`,
            },
            {
              label: '累计支出',
              value: `-${formatFen(t.expenseFen - t.voidedExpenseFen)}（${t.expenseCount - t.voidedExpenseCount} 笔）`,
            },
          ],
          years: view.years.map((y) => ({
            year: y.year,
            text: `收入 ${formatFen(y.incomeFen - y.voidedIncomeFen)} · 支出 ${formatFen(y.expenseFen - y.voidedExpenseFen)}`,
          })),
          periodLabels: view.periodOptions.map((p) => p.label),
          periodIndex: Math.max(
            0,
            view.periodOptions.findIndex((p) => view.period !== null && p.key === view.period.key),
          ),
          rooms: view.rooms.map((r) => ({ ...r, text: ROOM_STATUS[r.status] })),
          countsText: `已缴 ${view.counts.paid} 户 · 未缴 ${view.counts.unpaid} 户 · 免缴 ${view.counts.exempt} 户`,
          expenses: view.expenses.map(expenseRow),
          receipts: receipts.items.map(receiptRow),
          receiptCursor: receipts.nextCursor,
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    onPeriodChange(event: WechatMiniprogram.CustomEvent) {
      const view = this.data.view
      const option = view ? view.periodOptions[Number(event.detail.value)] : undefined
      if (option) void this.load(option.key)
    },

    async moreReceipts() {
      if (!this.data.receiptCursor || this.data.loadingMore) return
      this.setData({ loadingMore: true })
      try {
        const page = await fees.listReceipts({
          buildingId: this.data.buildingId,
          pageSize: 20,
          cursor: this.data.receiptCursor,
        })
        this.setData({
          receipts: this.data.receipts.concat(page.items.map(receiptRow)),
          receiptCursor: page.nextCursor,
        })
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ loadingMore: false })
      }
    },

    async moreExpenses() {
      try {
        const page = await fees.listExpenses({ buildingId: this.data.buildingId, pageSize: 50 })
        this.setData({ expenses: page.items.map(expenseRow) })
      } catch (error) {
        showError(error)
      }
    },

    async countersign(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'])
      if (this.data.signing) return
      this.setData({ signing: id })
      try {
        const signed = await fees.countersignExpense(id)
        const index = this.data.expenses.findIndex((e) => e.id === id)
        this.setData({ [`expenses[${index}]`]: expenseRow(signed) })
        wx.showToast({ title: '已核对签字', icon: 'success' })
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ signing: '' })
      }
    },

    previewPhoto(event: WechatMiniprogram.CustomEvent) {
      const { urls, current } = event.currentTarget.dataset as { urls: string[]; current: string }
      wx.previewImage({ urls, current })
    },

    openReceipt(event: WechatMiniprogram.CustomEvent) {
      wx.navigateTo({
        url: `/subpackages/fees/receipt/index?receiptId=${String(event.currentTarget.dataset['id'])}`,
      })
    },

    open(event: WechatMiniprogram.CustomEvent) {
      const page = String(event.currentTarget.dataset['page'])
      wx.navigateTo({ url: `/subpackages/fees/${page}/index?buildingId=${this.data.buildingId}` })
    },
  },
})

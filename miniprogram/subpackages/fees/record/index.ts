/**
 * 登记收款 for the head: choose the room, tick the periods paid (the overdue ones first), how and
 * when it was paid. The amount is what the plan asks for those periods; the receipt number comes
 * from the server. A double tap records once (the request id).
 */
import type { PaymentMethod } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { fees } from '../../../services/fees'
import { allHouseholds } from '../../../services/households'
import { messageOf, showError } from '../../../utils/feedback'
import { formatFen } from '../../../utils/money'
import { newRequestId } from '../../../utils/requestId'
import { formatBeijing } from '../../../utils/time'

const STATUS_TEXT = { due: '本期', overdue: '逾期', upcoming: '预缴' }

interface PeriodChoice {
  key: string
  label: string
  amountFen: number
  note: string
  checked: boolean
}

Component({
  behaviors: [pageBehavior],
  data: {
    buildingId: '',
    loading: true,
    error: '',
    rooms: [] as Array<{ id: string; room: string }>,
    roomLabels: [] as string[],
    roomIndex: -1,
    householdId: '',
    loadingPeriods: false,
    periods: [] as PeriodChoice[],
    amountText: '',
    methods: [
      { key: 'cash', label: '现金' },
      { key: 'wechat', label: '微信转账' },
      { key: 'other', label: '其他' },
    ] as Array<{ key: PaymentMethod; label: string }>,
    method: 'cash' as PaymentMethod,
    paidOn: '',
    today: '',
    note: '',
    saving: false,
    requestId: newRequestId(),
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const today = formatBeijing(new Date(), 'YYYY-MM-DD')
      this.setData({ buildingId: query['buildingId'] ?? '', today, paidOn: today })
      try {
        const households = await allHouseholds(this.data.buildingId)
        const rooms = households.map((h) => ({ id: h.id, room: h.room }))
        this.setData({ loading: false, rooms, roomLabels: rooms.map((r) => r.room) })
        const preset = rooms.findIndex((r) => r.id === query['householdId'])
        if (preset >= 0) await this.chooseRoom(preset)
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    onRoom(event: WechatMiniprogram.CustomEvent) {
      void this.chooseRoom(Number(event.detail.value))
    },

    async chooseRoom(index: number) {
      const room = this.data.rooms[index]
      if (!room) return
      this.setData({ roomIndex: index, householdId: room.id, loadingPeriods: true, periods: [] })
      try {
        const view = await fees.householdFees(room.id)
        const open = view.periods
          .filter((p) => p.status === 'due' || p.status === 'overdue' || p.status === 'upcoming')
          .reverse()
        this.setData({
          loadingPeriods: false,
          periods: open.map((p) => ({
            key: p.key,
            label: p.label,
            amountFen: p.amountFen,
            note: `${STATUS_TEXT[p.status as 'due' | 'overdue' | 'upcoming']} · ${formatFen(p.amountFen)}`,
            checked: false,
          })),
        })
        this.total()
      } catch (error) {
        this.setData({ loadingPeriods: false })
        showError(error)
      }
    },

    togglePeriod(event: WechatMiniprogram.CustomEvent) {
      const index = Number(event.currentTarget.dataset['index'])
      this.setData({ [`periods[${index}].checked`]: !this.data.periods[index]!.checked })
      this.total()
    },

    total() {
      const chosen = this.data.periods.filter((p) => p.checked)
      const sum = chosen.reduce((s, p) => s + p.amountFen, 0)
      this.setData({ amountText: chosen.length ? `${chosen.length} 期，共 ${formatFen(sum)}` : '' })
    },

    chooseMethod(event: WechatMiniprogram.CustomEvent) {
      this.setData({ method: event.currentTarget.dataset['method'] as PaymentMethod })
    },

    onDate(event: WechatMiniprogram.CustomEvent) {
      this.setData({ paidOn: String(event.detail.value) })
    },

    onNote(event: WechatMiniprogram.CustomEvent) {
      this.setData({ note: String(event.detail ?? '') })
    },

    async save() {
      if (this.data.saving) return
      const chosen = this.data.periods.filter((p) => p.checked)
      if (!this.data.householdId) {
        wx.showToast({ title: '请先选择房号', icon: 'none' })
        return
      }
      if (chosen.length === 0) {
        wx.showToast({ title: '请勾选缴了哪几期', icon: 'none' })
        return
      }
      this.setData({ saving: true })
      try {
        const note = this.data.note.trim()
        const receipt = await fees.recordPayment({
          householdId: this.data.householdId,
          periods: chosen.map((p) => p.key),
          amountFen: chosen.reduce((s, p) => s + p.amountFen, 0),
          method: this.data.method,
          paidOn: this.data.paidOn,
          ...(note ? { note } : {}),
          requestId: this.data.requestId,
        })
        wx.showToast({ title: `已开收据 ${receipt.number}`, icon: 'none' })
        wx.redirectTo({ url: `/subpackages/fees/receipt/index?receiptId=${receipt.id}` })
      } catch (error) {
        showError(error)
        this.setData({ requestId: newRequestId() })
      } finally {
        this.setData({ saving: false })
      }
    },
  },
})

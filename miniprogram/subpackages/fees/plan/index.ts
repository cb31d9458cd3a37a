/**
 * 收费标准: what each household pays per period, from when, and who is exempt (with the reason).
 * Everyone in the building sees every version; the head records a new version, which can only
 * start in a future period (the first one may start in the past, when the building collected on
 * paper before).
 */
import type { FeeCycle, FeePlanVersionView, FeePlanView, PeriodRef } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { fees } from '../../../services/fees'
import { allHouseholds } from '../../../services/households'
import { messageOf, showError } from '../../../utils/feedback'
import { fenToYuanText, formatFen, parseYuan } from '../../../utils/money'
import { newRequestId } from '../../../utils/requestId'

const CYCLES: Array<{ key: FeeCycle; label: string }> = [
  { key: 'month', label: '每月' },
  { key: 'quarter', label: '每季度' },
  { key: 'year', label: '每年' },
]
const CYCLE_TEXT: Record<FeeCycle, string> = { month: '每月', quarter: '每季度', year: '每年' }
const KIND_TEXT = { vacant: '空置', hardship: '困难' }
const DEFAULT_REASON = { vacant: '长期空置', hardship: '家庭困难' }

interface VersionCard {
  version: number
  title: string
  exemptions: string
  note: string
}

interface HouseholdRow {
  id: string
  room: string
  exempt: boolean
  kind: 'vacant' | 'hardship'
  kindText: string
  reason: string
}

function card(v: FeePlanVersionView): VersionCard {
  return {
    version: v.version,
    title: `${CYCLE_TEXT[v.cycle]}每户 ${formatFen(v.amountFen)}，自${v.start.label}起`,
    exemptions: v.exemptions.length
      ? `免缴：${v.exemptions.map((e) => `${e.room}（${KIND_TEXT[e.kind]}：${e.reason}）`).join('、')}`
      : '没有免缴户',
    note: v.note || '',
  }
}

Component({
  behaviors: [pageBehavior],
  data: {
    buildingId: '',
    loading: true,
    error: '',
    plan: null as FeePlanView | null,
    current: null as VersionCard | null,
    upcoming: null as VersionCard | null,
    history: [] as VersionCard[],
    // The head's form for a new version.
    cycles: CYCLES,
    cycle: 'month' as FeeCycle,
    startOptions: [] as PeriodRef[],
    startLabels: [] as string[],
    startIndex: 0,
    amountText: '',
    prefix: '',
    note: '',
    households: [] as HouseholdRow[],
    saving: false,
    requestId: newRequestId(),
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ buildingId: query['buildingId'] ?? '' })
      void this.load()
    },

    async load() {
      this.setData({ loading: this.data.plan === null, error: '' })
      try {
        const plan = await fees.getPlan(this.data.buildingId)
        const latest = plan.versions[plan.versions.length - 1]
        this.setData({
          loading: false,
          plan,
          current: plan.current ? card(plan.current) : null,
          upcoming: plan.upcoming ? card(plan.upcoming) : null,
          history: plan.versions.map(card).reverse(),
          cycle: latest ? latest.cycle : 'month',
          amountText: latest ? fenToYuanText(latest.amountFen) : '',
          prefix: plan.receiptPrefix || '',
        })
        this.showStartOptions()
        if (plan.canEdit) {
          const households = await allHouseholds(this.data.buildingId)
          const exempt = new Map((latest ? latest.exemptions : []).map((e) => [e.householdId, e]))
          this.setData({
            households: households.map((h) => {
              const e = exempt.get(h.id)
              const kind = e ? e.kind : h.vacant ? 'vacant' : 'hardship'
              return {
                id: h.id,
                room: h.room,
                exempt: Boolean(e),
                kind,
                kindText: KIND_TEXT[kind],
                reason: e ? e.reason : DEFAULT_REASON[kind],
              }
            }),
          })
        }
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    showStartOptions() {
      const plan = this.data.plan
      const options = plan ? plan.startOptions[this.data.cycle] : []
      this.setData({
        startOptions: options,
        startLabels: options.map((o) => o.label),
        startIndex: 0,
      })
    },

    chooseCycle(event: WechatMiniprogram.CustomEvent) {
      this.setData({ cycle: event.currentTarget.dataset['cycle'] as FeeCycle })
      this.showStartOptions()
    },

    onStart(event: WechatMiniprogram.CustomEvent) {
      this.setData({ startIndex: Number(event.detail.value) })
    },

    onField(event: WechatMiniprogram.CustomEvent) {
      const field = String(event.currentTarget.dataset['field'])
      this.setData({ [field]: String(event.detail ?? '') })
    },

    toggleExempt(event: WechatMiniprogram.CustomEvent) {
      const index = Number(event.currentTarget.dataset['index'])
      this.setData({ [`households[${index}].exempt`]: !this.data.households[index]!.exempt })
    },

    switchKind(event: WechatMiniprogram.CustomEvent) {
      const index = Number(event.currentTarget.dataset['index'])
      const row = this.data.households[index]!
      const kind = row.kind === 'vacant' ? 'hardship' : 'vacant'
      this.setData({
        [`households[${index}].kind`]: kind,
        [`households[${index}].kindText`]: KIND_TEXT[kind],
        [`households[${index}].reason`]:
          row.reason === DEFAULT_REASON[row.kind] ? DEFAULT_REASON[kind] : row.reason,
      })
    },

    onReason(event: WechatMiniprogram.CustomEvent) {
      const index = Number(event.currentTarget.dataset['index'])
      this.setData({ [`households[${index}].reason`]: String(event.detail ?? '') })
    },

    async save() {
      if (this.data.saving) return
      const amountFen = parseYuan(this.data.amountText)
      const start = this.data.startOptions[this.data.startIndex]
      if (amountFen === null || amountFen <= 0) {
        wx.showToast({ title: '请填写每期金额，如 30 或 30.50', icon: 'none' })
        return
      }
      if (!start) {
        wx.showToast({ title: '请选择从哪一期开始', icon: 'none' })
        return
      }
      this.setData({ saving: true })
      try {
        const note = this.data.note.trim()
        await fees.savePlan({
          buildingId: this.data.buildingId,
          amountFen,
          cycle: this.data.cycle,
          startPeriod: start.key,
          receiptPrefix: this.data.prefix.trim(),
          exemptions: this.data.households
            .filter((h) => h.exempt)
            .map((h) => ({ householdId: h.id, kind: h.kind, reason: h.reason.trim() })),
          ...(note ? { note } : {}),
          requestId: this.data.requestId,
        })
        wx.showToast({ title: '收费标准已保存', icon: 'success' })
        this.setData({ requestId: newRequestId(), note: '' })
        await this.load()
      } catch (error) {
        showError(error)
        this.setData({ requestId: newRequestId() })
      } finally {
        this.setData({ saving: false })
      }
    },
  },
})

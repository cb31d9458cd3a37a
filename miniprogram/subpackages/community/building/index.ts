/** 楼栋管理 for a building head: approve who lives here, and see every household with its residents. */
import type { HouseholdView, PendingBindingView } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { community } from '../../../services/community'
import { allHouseholds } from '../../../services/households'
import { messageOf, showError } from '../../../utils/feedback'
import { formatBeijing } from '../../../utils/time'

interface PendingRow extends PendingBindingView {
  when: string
}

interface HouseholdRow extends HouseholdView {
  residentText: string
}

Component({
  behaviors: [pageBehavior],
  data: {
    buildingId: '',
    loading: true,
    error: '',
    pending: [] as PendingRow[],
    households: [] as HouseholdRow[],
    busyId: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ buildingId: query['buildingId'] ?? '' })
      void this.load()
    },

    /** 事项呼叫: the head files a matter for a resident who has no phone. */
    fileForResident() {
      wx.navigateTo({
        url: `/subpackages/suggestions/submit/index?onBehalf=1&buildingId=${this.data.buildingId}`,
      })
    },

    async load() {
      this.setData({ loading: true, error: '' })
      try {
        const [pending, households] = await Promise.all([
          community.listPendingBindings(this.data.buildingId),
          allHouseholds(this.data.buildingId),
        ])
        this.setData({
          loading: false,
          pending: pending.map((p) => ({
            ...p,
            when: formatBeijing(p.requestedAt, 'MM-DD HH:mm'),
          })),
          households: households.map((h) => ({
            ...h,
            residentText:
              (h.residents ?? [])
                .map((r) => (r.phone ? `${r.name} ${r.phone}` : r.name))
                .join('、') || '暂无住户绑定',
          })),
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    openFees() {
      wx.navigateTo({ url: `/subpackages/fees/account/index?buildingId=${this.data.buildingId}` })
    },

    async approve(event: WechatMiniprogram.CustomEvent) {
      await this.review(String(event.currentTarget.dataset['id']), 'approve')
    },

    reject(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'])
      wx.showModal({
        title: '不通过的理由',
        editable: true,
        placeholderText: '如：房号不对，请核对',
        confirmText: '不通过',
        success: (answer) => {
          if (!answer.confirm) return
          const reason = (answer.content ?? '').trim()
          if (!reason) {
            wx.showToast({ title: '请写明理由，方便居民改正', icon: 'none' })
            return
          }
          void this.review(id, 'reject', reason)
        },
      })
    },

    async review(bindingId: string, decision: 'approve' | 'reject', reason?: string) {
      if (this.data.busyId) return
      this.setData({ busyId: bindingId })
      try {
        await community.reviewBinding({ bindingId, decision, ...(reason ? { reason } : {}) })
        wx.showToast({ title: decision === 'approve' ? '已通过' : '已退回', icon: 'success' })
        await this.load()
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ busyId: '' })
      }
    },
  },
})

/** Staff: a month's matters of the community, an estate or a building, and how fast they were answered. */
import type { SuggestionStatistics } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { estatesWithBuildings } from '../../../services/community'
import { suggestions } from '../../../services/suggestions'
import { messageOf } from '../../../utils/feedback'
import { CATEGORY_OPTIONS, STATUS_OPTIONS } from '../../../utils/suggestionWords'
import { durationText, monthOf } from '../../../utils/time'

interface Scope {
  label: string
  estateId?: string
  buildingId?: string
}

function view(stats: SuggestionStatistics) {
  return {
    total: stats.total,
    statusRows: STATUS_OPTIONS.map((s) => ({ label: s.label, value: stats.byStatus[s.key] })),
    categoryRows: CATEGORY_OPTIONS.map((c) => ({ label: c.label, value: stats.byCategory[c.key] })),
    firstResponse: durationText(stats.medianFirstResponseMinutes),
    resolution: durationText(stats.medianResolutionMinutes),
    overdue: stats.overdue,
    satisfaction:
      stats.averageSatisfaction === null
        ? '暂无'
        : `${stats.averageSatisfaction} 星（${stats.rated} 人评价）`,
    reopenRate: stats.reopenRatePercent === null ? '暂无' : `${stats.reopenRatePercent}%`,
  }
}

Component({
  behaviors: [pageBehavior],
  data: {
    communityId: '',
    month: '',
    scopes: [{ label: '全社区' }] as Scope[],
    scopeIndex: 0,
    loading: true,
    error: '',
    stats: null as ReturnType<typeof view> | null,
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      this.setData({ communityId: query['communityId'] ?? '', month: monthOf(new Date()) })
      void this.loadScopes()
      await this.load()
    },

    async loadScopes() {
      try {
        const estates = await estatesWithBuildings(this.data.communityId)
        const scopes: Scope[] = [{ label: '全社区' }]
        for (const estate of estates) {
          scopes.push({ label: estate.name, estateId: estate.id })
          for (const b of estate.buildings) scopes.push({ label: b.name, buildingId: b.id })
        }
        this.setData({ scopes })
      } catch (error) {
        console.warn('scopes not loaded', error)
      }
    },

    async load() {
      this.setData({ loading: true, error: '' })
      const scope = this.data.scopes[this.data.scopeIndex] ?? { label: '全社区' }
      try {
        const stats = await suggestions.statistics({
          communityId: this.data.communityId,
          month: this.data.month,
          ...(scope.estateId ? { estateId: scope.estateId } : {}),
          ...(scope.buildingId ? { buildingId: scope.buildingId } : {}),
        })
        this.setData({ loading: false, stats: view(stats) })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    onMonth(event: WechatMiniprogram.CustomEvent) {
      this.setData({ month: String((event.detail as { value?: string }).value ?? this.data.month) })
      void this.load()
    },

    onScope(event: WechatMiniprogram.CustomEvent) {
      this.setData({ scopeIndex: Number((event.detail as { value?: string }).value ?? 0) })
      void this.load()
    },
  },
})

/** Staff: every matter of the community, filtered by status, category, building or overdue, a page at a time. */
import type { BoardFilter, SuggestionCategory, SuggestionStatus } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { pagedList } from '../../../behaviors/pagedList'
import { estatesWithBuildings } from '../../../services/community'
import { suggestions } from '../../../services/suggestions'
import { messageOf } from '../../../utils/feedback'
import {
  CATEGORY_OPTIONS,
  STATUS_OPTIONS,
  toListItem,
  type ListItem,
} from '../../../utils/suggestionWords'

Component({
  behaviors: [pageBehavior, pagedList],
  data: {
    communityId: '',
    loading: true,
    error: '',
    statuses: STATUS_OPTIONS,
    categories: CATEGORY_OPTIONS,
    buildings: [] as Array<{ id: string; name: string }>,
    status: '' as SuggestionStatus | '',
    category: '' as SuggestionCategory | '',
    buildingId: '',
    overdue: false,
    items: [] as ListItem[],
    total: 0,
    cursor: null as string | null,
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      this.setData({ communityId: query['communityId'] ?? '' })
      void this.loadBuildings()
      await this.load()
    },

    async loadBuildings() {
      try {
        const estates = await estatesWithBuildings(this.data.communityId)
        const buildings: Array<{ id: string; name: string }> = []
        for (const estate of estates) buildings.push(...estate.buildings)
        this.setData({ buildings })
      } catch (error) {
        // The board works without the building filter.
        console.warn('buildings not loaded', error)
      }
    },

    filter(): BoardFilter {
      const d = this.data
      const filter: BoardFilter = {}
      if (d.overdue) filter.overdue = true
      else if (d.status) filter.status = d.status
      if (d.category) filter.category = d.category
      if (d.buildingId) filter.buildingId = d.buildingId
      return filter
    },

    async load() {
      this.setData({ loading: true, error: '' })
      try {
        const page = await suggestions.board({
          communityId: this.data.communityId,
          filter: this.filter(),
        })
        this.setData({
          loading: false,
          items: page.items.map(toListItem),
          total: page.total,
          cursor: page.nextCursor,
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    async fetchPage(cursor: string) {
      const page = await suggestions.board({
        communityId: this.data.communityId,
        filter: this.filter(),
        cursor,
      })
      return { items: page.items.map(toListItem), nextCursor: page.nextCursor }
    },

    /** Tapping a chosen chip again clears it. */
    pick(event: WechatMiniprogram.CustomEvent) {
      const field = String(event.currentTarget.dataset['field'])
      const value = String(event.currentTarget.dataset['value'] ?? '')
      const current = (this.data as unknown as Record<string, unknown>)[field]
      const next = current === value ? '' : value
      this.setData({ [field]: next, ...(field === 'status' && next ? { overdue: false } : {}) })
      void this.load()
    },

    toggleOverdue() {
      this.setData({ overdue: !this.data.overdue, status: '' })
      void this.load()
    },

    openDetail(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      wx.navigateTo({ url: `/subpackages/suggestions/detail/index?id=${id}` })
    },
  },
})

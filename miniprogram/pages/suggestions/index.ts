/**
 * 提建议: raise a matter, follow my matters, and read the community's 民意墙 of what was done.
 * Staff, grid workers and heads also find their work here.
 */
import type { Page, WallItem } from '../../../typings'
import { pageBehavior } from '../../behaviors/page'
import { community, myCommunityId } from '../../services/community'
import { suggestions } from '../../services/suggestions'
import { messageOf, showError } from '../../utils/feedback'
import { categoryLabel, toListItem, type ListItem } from '../../utils/suggestionWords'
import { formatBeijing } from '../../utils/time'

type Tab = 'mine' | 'wall'

interface WallRow extends WallItem {
  categoryText: string
  dateText: string
  stars: string
}

Component({
  behaviors: [pageBehavior],
  data: {
    tab: 'mine' as Tab,
    loading: true,
    error: '',
    mine: [] as ListItem[],
    mineCursor: null as string | null,
    wall: [] as WallRow[],
    wallCursor: null as string | null,
    /** The community whose wall is shown: where I live, or where I work. */
    communityId: '',
    staffOf: '',
    handles: false,
    loadingMore: false,
  },
  methods: {
    onShow() {
      void this.load()
    },

    async onPullDownRefresh() {
      await this.load()
      wx.stopPullDownRefresh()
    },

    async load() {
      this.setData({
        loading: this.data.mine.length === 0 && this.data.wall.length === 0,
        error: '',
      })
      try {
        const [me, mine] = await Promise.all([community.me(), suggestions.mine()])
        const staffOf = me.can.stationOf[0] ?? ''
        const communityId = myCommunityId(me)
        this.setData({
          mine: mine.items.map(toListItem),
          mineCursor: mine.nextCursor,
          communityId,
          staffOf,
          handles: me.roles.length > 0,
        })
        if (communityId) this.showWall(await suggestions.wall(communityId), false)
        this.setData({ loading: false })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    showWall(page: Page<WallItem>, append: boolean) {
      const rows = page.items.map((item) => ({
        ...item,
        categoryText: categoryLabel(item.category),
        dateText: formatBeijing(item.resolvedAt, 'M月D日'),
        stars: item.satisfaction ? `${'★'.repeat(item.satisfaction)}` : '',
      }))
      this.setData({
        wall: append ? this.data.wall.concat(rows) : rows,
        wallCursor: page.nextCursor,
      })
    },

    async more() {
      if (this.data.loadingMore) return
      this.setData({ loadingMore: true })
      try {
        if (this.data.tab === 'mine' && this.data.mineCursor) {
          const page = await suggestions.mine(this.data.mineCursor)
          this.setData({
            mine: this.data.mine.concat(page.items.map(toListItem)),
            mineCursor: page.nextCursor,
          })
        } else if (this.data.tab === 'wall' && this.data.wallCursor) {
          this.showWall(await suggestions.wall(this.data.communityId, this.data.wallCursor), true)
        }
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ loadingMore: false })
      }
    },

    onReachBottom() {
      void this.more()
    },

    switchTab(event: WechatMiniprogram.CustomEvent) {
      this.setData({ tab: event.currentTarget.dataset['tab'] as Tab })
    },

    openSubmit() {
      wx.navigateTo({ url: '/subpackages/suggestions/submit/index' })
    },

    openDetail(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      wx.navigateTo({ url: `/subpackages/suggestions/detail/index?id=${id}` })
    },

    openQueue() {
      wx.navigateTo({ url: '/subpackages/suggestions/queue/index' })
    },

    openBoard() {
      wx.navigateTo({
        url: `/subpackages/suggestions/board/index?communityId=${this.data.staffOf}`,
      })
    },

    openStats() {
      wx.navigateTo({
        url: `/subpackages/suggestions/stats/index?communityId=${this.data.staffOf}`,
      })
    },
  },
})

/** The handler's queue: matters assigned to me, overdue ones marked, and those awaiting the reporter. */
import { pageBehavior } from '../../../behaviors/page'
import { pagedList } from '../../../behaviors/pagedList'
import { askForNotices } from '../../../services/subscribe'
import { suggestions } from '../../../services/suggestions'
import { messageOf } from '../../../utils/feedback'
import { toListItem, type ListItem } from '../../../utils/suggestionWords'

Component({
  behaviors: [pageBehavior, pagedList],
  data: {
    loading: true,
    error: '',
    items: [] as ListItem[],
    cursor: null as string | null,
  },
  methods: {
    onShow() {
      void this.load()
    },

    async load() {
      this.setData({ loading: this.data.items.length === 0, error: '' })
      try {
        const page = await suggestions.queue()
        this.setData({ loading: false, items: page.items.map(toListItem), cursor: page.nextCursor })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    async fetchPage(cursor: string) {
      const page = await suggestions.queue(cursor)
      return { items: page.items.map(toListItem), nextCursor: page.nextCursor }
    },

    /** Each allowance is good for one message: asked again here whenever the handler likes. */
    subscribe() {
      void askForNotices(['suggestionAssigned']).then(() =>
        wx.showToast({ title: '有新派单时会通知您', icon: 'none' }),
      )
    },

    openDetail(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      wx.navigateTo({ url: `/subpackages/suggestions/detail/index?id=${id}` })
    },
  },
})

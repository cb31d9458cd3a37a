/**
 * A list that grows a page at a time as the person scrolls to the bottom or taps 加载更多. The page
 * keeps `items` and `cursor` and has a method `fetchPage(cursor)` answering the next page, mapped.
 */
import { showError } from '../utils/feedback'

interface NextPage {
  items: unknown[]
  nextCursor: string | null
}

export const pagedList = Behavior({
  data: { items: [] as unknown[], cursor: null as string | null, loadingMore: false },
  methods: {
    async more() {
      if (!this.data.cursor || this.data.loadingMore) return
      this.setData({ loadingMore: true })
      try {
        const fetchPage = (this as unknown as { fetchPage(cursor: string): Promise<NextPage> })
          .fetchPage
        const page = await fetchPage.call(this, this.data.cursor)
        this.setData({ items: this.data.items.concat(page.items), cursor: page.nextCursor })
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ loadingMore: false })
      }
    },

    onReachBottom() {
      void this.more()
    },
  },
})

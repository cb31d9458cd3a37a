/**
 * 我的服务记录: each confirmed service with the fields of 志愿服务记录办法 (who, what, when, how
 * long, organised by whom, evaluated how), and my totals.
 */
import type { ServiceRecord, Totals } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { volunteers } from '../../../services/volunteers'
import { messageOf, showError } from '../../../utils/feedback'
import { timeRange } from '../../../utils/volunteerWords'

const row = (r: ServiceRecord) => ({ ...r, timeText: timeRange(r.startAt, r.endAt) })

Component({
  behaviors: [pageBehavior],
  data: {
    loading: true,
    error: '',
    totals: { hours: 0, minutes: 0, services: 0 } as Totals,
    records: [] as Array<ReturnType<typeof row>>,
    cursor: null as string | null,
    loadingMore: false,
  },
  lifetimes: {
    attached() {
      void this.load()
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' })
      try {
        const page = await volunteers.myRecords()
        this.setData({
          loading: false,
          totals: page.totals,
          records: page.items.map(row),
          cursor: page.nextCursor,
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    async more() {
      if (!this.data.cursor || this.data.loadingMore) return
      this.setData({ loadingMore: true })
      try {
        const page = await volunteers.myRecords(this.data.cursor)
        this.setData({
          records: this.data.records.concat(page.items.map(row)),
          cursor: page.nextCursor,
        })
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

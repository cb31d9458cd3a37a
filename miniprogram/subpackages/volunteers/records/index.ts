/**
 * 我的服务记录: each confirmed service with the fields of 志愿服务记录办法 (who, what, when, how
 * long, organised by whom, evaluated how), and my totals.
 */
import type { ServiceRecord, Totals } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { pagedList } from '../../../behaviors/pagedList'
import { volunteers } from '../../../services/volunteers'
import { messageOf } from '../../../utils/feedback'
import { timeRange } from '../../../utils/volunteerWords'

const row = (r: ServiceRecord) => ({ ...r, timeText: timeRange(r.startAt, r.endAt) })

Component({
  behaviors: [pageBehavior, pagedList],
  data: {
    loading: true,
    error: '',
    totals: { hours: 0, minutes: 0, services: 0 } as Totals,
    items: [] as Array<ReturnType<typeof row>>,
    cursor: null as string | null,
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
          items: page.items.map(row),
          cursor: page.nextCursor,
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    async fetchPage(cursor: string) {
      const page = await volunteers.myRecords(cursor)
      return { items: page.items.map(row), nextCursor: page.nextCursor }
    },
  },
})

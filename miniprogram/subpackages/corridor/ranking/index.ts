/** This month's ranking of the community's buildings; five-star buildings marked. */
import type { RankingRow } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { ratings } from '../../../services/ratings'
import { messageOf } from '../../../utils/feedback'
import { monthOf } from '../../../utils/time'

Component({
  behaviors: [pageBehavior],
  data: { loading: true, error: '', month: '', rows: [] as Array<RankingRow & { detail: string }> },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const month = monthOf(new Date())
      this.setData({ month })
      try {
        const rows = await ratings.ranking(query['communityId'] ?? '', month)
        this.setData({
          loading: false,
          rows: rows.map((r) => ({
            ...r,
            detail:
              r.overall === null
                ? '本月暂无评价'
                : `${r.overall} 星 · ${r.ratedHouseholds}/${r.totalHouseholds} 户评价`,
          })),
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },
  },
})

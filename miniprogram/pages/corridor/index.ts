/**
 * 睦邻楼道: my building's corridor this month (per dimension, how many households rated, the
 * five-star title), the 12-month trend as bars, recent comments by room, and the way to rate.
 */
import type { BuildingRatingSummary } from '../../../typings'
import { pageBehavior } from '../../behaviors/page'
import { community } from '../../services/community'
import { ratings } from '../../services/ratings'
import { messageOf } from '../../utils/feedback'

interface Bar {
  month: string
  label: string
  height: number
  value: string
}

Component({
  behaviors: [pageBehavior],
  data: {
    loading: true,
    error: '',
    building: null as { id: string; address: string; communityId: string } | null,
    summary: null as BuildingRatingSummary | null,
    dimensions: [] as Array<{ label: string; value: string }>,
    bars: [] as Bar[],
  },
  methods: {
    onShow() {
      void this.load()
    },

    async load() {
      this.setData({ loading: this.data.summary === null, error: '' })
      try {
        const me = await community.me()
        const home = me.bindings.find((b) => b.status === 'approved')
        if (!home) {
          this.setData({ loading: false, building: null })
          return
        }
        const summary = await ratings.buildingSummary(home.buildingId)
        this.setData({
          loading: false,
          building: {
            id: home.buildingId,
            address: home.address.replace(/\s\S+$/, ''),
            communityId: home.communityId,
          },
          summary,
          dimensions: summary.dimensions.map(({ key, label }) => ({
            label,
            value:
              summary.current.averages[key] === null ? '—' : `${summary.current.averages[key]} 星`,
          })),
          bars: summary.trend.map((m) => ({
            month: m.month,
            label: `${Number(m.month.slice(5))}月`,
            height: m.overall === null ? 0 : Math.round((m.overall / 5) * 100),
            value: m.overall === null ? '' : String(m.overall),
          })),
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    openRate() {
      const building = this.data.building
      if (building)
        wx.navigateTo({ url: `/subpackages/corridor/rate/index?buildingId=${building.id}` })
    },

    openRanking() {
      const building = this.data.building
      if (building)
        wx.navigateTo({
          url: `/subpackages/corridor/ranking/index?communityId=${building.communityId}`,
        })
    },

    openBind() {
      wx.navigateTo({ url: '/subpackages/community/bind/index' })
    },
  },
})

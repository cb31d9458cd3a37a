/**
 * 睦邻楼道: my building's corridor this month (per dimension, how many households rated, the
 * five-star title), the 12-month trend as bars, recent comments by room, and the way to rate.
 */
import type { BuildingRatingSummary } from '../../../typings'
import { pageBehavior } from '../../behaviors/page'
import { community } from '../../services/community'
import { ratings } from '../../services/ratings'
import { suggestions } from '../../services/suggestions'
import { photoSrc } from '../../services/upload'
import { messageOf, showError } from '../../utils/feedback'
import { newRequestId } from '../../utils/requestId'

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
    comments: [] as Array<
      BuildingRatingSummary['recentComments'][number] & { photoSrcs: string[] }
    >,
    /** For heads and staff: this month's 安全畅通 when it is low enough to act on. */
    safetyIssue: null as { average: number; lowCount: number } | null,
    filing: false,
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
          safetyIssue: lowSafety(summary),
          comments: summary.recentComments.map((c) => ({
            ...c,
            photoSrcs: c.photos.map(photoSrc),
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

    /** One tap (and a confirmation) turns a low 安全畅通 score into a matter the community handles. */
    safetyToSuggestion() {
      const { building, safetyIssue, summary } = this.data
      if (!building || !safetyIssue || !summary || this.data.filing) return
      const comments = summary.recentComments.slice(0, 3).map((c) => `${c.room}：${c.comment}`)
      const description = [
        `本月楼道“安全畅通”平均 ${safetyIssue.average} 星，${safetyIssue.lowCount} 户打了 1–2 星。`,
        '请检查楼梯和消防通道是否堆放杂物、照明是否完好。',
        ...(comments.length ? ['住户留言：', ...comments] : []),
      ].join('\n')
      wx.showModal({
        title: '转为建议',
        content: '将以您的名义向社区提交一条“安全隐患”建议，社区受理后会派人办理。',
        confirmText: '提交',
        success: (answer) => {
          if (answer.confirm) void this.fileSafety(building, description)
        },
      })
    },

    async fileSafety(
      building: { id: string; address: string; communityId: string },
      description: string,
    ) {
      this.setData({ filing: true })
      try {
        const { id } = await suggestions.submit({
          communityId: building.communityId,
          buildingId: building.id,
          category: 'safety',
          title: `${building.address}楼道安全畅通待改进`.slice(0, 40),
          description,
          requestId: newRequestId(),
        })
        wx.navigateTo({ url: `/subpackages/suggestions/detail/index?id=${id}` })
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ filing: false })
      }
    },

    openBind() {
      wx.navigateTo({ url: '/subpackages/community/bind/index' })
    },
  },
})

/** 安全畅通 is worth a matter when it averages under 4 stars or anyone gave it 1–2 stars. */
function lowSafety(summary: BuildingRatingSummary): { average: number; lowCount: number } | null {
  const safety = summary.weakPoints?.find((w) => w.dimension === 'safety')
  if (!safety || safety.average === null) return null
  return safety.average < 4 || safety.lowCount > 0
    ? { average: safety.average, lowCount: safety.lowCount }
    : null
}

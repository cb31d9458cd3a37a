/**
 * 志愿工作台 for staff: the year at a glance (projects, 人次, volunteers, hours, month by month),
 * the month's team ranking, residents' requests for help (one tap makes a project of one), and
 * the month's service records as an .xlsx file.
 */
import type {
  ExportResult,
  HelpRequestView,
  TeamRankingRow,
  VolunteerDashboard,
} from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { volunteers } from '../../../services/volunteers'
import { messageOf, showError } from '../../../utils/feedback'
import { newRequestId } from '../../../utils/requestId'
import { formatBeijing, monthOf } from '../../../utils/time'

function bars(dashboard: VolunteerDashboard) {
  const top = Math.max(1, ...dashboard.months.map((m) => m.hours))
  return dashboard.months.map((m) => ({
    ...m,
    label: `${Number(m.month.slice(5))}月`,
    height: Math.round((m.hours / top) * 100),
  }))
}

Component({
  behaviors: [pageBehavior],
  data: {
    communityId: '',
    year: 0,
    month: '',
    loading: true,
    error: '',
    dashboard: null as VolunteerDashboard | null,
    bars: [] as Array<ReturnType<typeof bars>[number]>,
    ranking: [] as TeamRankingRow[],
    requests: [] as Array<HelpRequestView & { whenText: string }>,
    converting: '',
    exporting: false,
    exported: null as ExportResult | null,
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const month = monthOf(Date.now())
      this.setData({
        communityId: query['communityId'] ?? '',
        month,
        year: Number(month.slice(0, 4)),
      })
      await this.load()
    },

    async load() {
      this.setData({ loading: this.data.dashboard === null, error: '' })
      try {
        const [dashboard, ranking, requests] = await Promise.all([
          volunteers.dashboard(this.data.communityId, this.data.year),
          volunteers.teamRanking(this.data.communityId, this.data.month),
          volunteers.listHelpRequests(this.data.communityId),
        ])
        this.setData({
          loading: false,
          dashboard,
          bars: bars(dashboard),
          ranking,
          requests: requests.items.map((r) => ({
            ...r,
            whenText: r.preferredStart
              ? formatBeijing(r.preferredStart, 'M月D日 HH:mm')
              : '时间待定',
          })),
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    async onMonth(event: WechatMiniprogram.CustomEvent) {
      const month = String((event.detail as { value?: string }).value ?? '')
      if (!month) return
      this.setData({ month, exported: null })
      try {
        this.setData({ ranking: await volunteers.teamRanking(this.data.communityId, month) })
      } catch (error) {
        showError(error)
      }
    },

    async convert(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      if (this.data.converting) return
      this.setData({ converting: id })
      try {
        const project = await volunteers.convertHelpRequest(id, newRequestId())
        wx.showToast({ title: '已转为志愿项目', icon: 'success' })
        wx.navigateTo({ url: `/subpackages/volunteers/project/index?id=${project.id}` })
        await this.load()
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ converting: '' })
      }
    },

    async exportMonth() {
      if (this.data.exporting) return
      this.setData({ exporting: true, exported: null })
      try {
        this.setData({
          exported: await volunteers.exportRecords(this.data.communityId, this.data.month),
        })
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ exporting: false })
      }
    },

    openExport() {
      const exported = this.data.exported
      if (!exported) return
      wx.downloadFile({
        url: exported.tempFileURL,
        success: (file) =>
          wx.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true }),
        fail: () => wx.showToast({ title: '下载失败，请稍后再试', icon: 'none' }),
      })
    },

    openCreate() {
      wx.navigateTo({
        url: `/subpackages/volunteers/create/index?communityId=${this.data.communityId}`,
      })
    },
  },
})

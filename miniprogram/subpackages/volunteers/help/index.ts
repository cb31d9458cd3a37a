/**
 * 有事找找志愿者: a resident says what help they need (tutoring in the holidays, a patrol, medicine
 * fetched), where and when; the party branch turns it into a project, and the resident follows it.
 */
import type { HelpRequestView } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { volunteers } from '../../../services/volunteers'
import { isPrivacyRefusal, messageOf, showError } from '../../../utils/feedback'
import { newRequestId } from '../../../utils/requestId'
import { formatBeijing } from '../../../utils/time'
import { serviceTypesOf } from '../../../utils/volunteerWords'

const STATUS_WORDS: Record<HelpRequestView['status'], string> = {
  open: '待处理',
  converted: '已安排志愿者',
  closed: '已关闭',
}

const row = (r: HelpRequestView) => ({
  ...r,
  statusText: STATUS_WORDS[r.status],
  dateText: formatBeijing(r.createdAt, 'M月D日'),
})

Component({
  behaviors: [pageBehavior],
  data: {
    communityId: '',
    loading: true,
    error: '',
    serviceTypes: [] as string[],
    serviceType: '',
    description: '',
    place: '',
    date: '',
    time: '',
    today: '',
    people: '1',
    saving: false,
    showConsent: false,
    requestId: newRequestId(),
    mine: [] as Array<ReturnType<typeof row>>,
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      this.setData({
        communityId: query['communityId'] ?? '',
        today: formatBeijing(Date.now(), 'YYYY-MM-DD'),
      })
      await this.load()
    },

    async load() {
      this.setData({ loading: true, error: '' })
      try {
        const [teams, mine] = await Promise.all([
          volunteers.listTeams(this.data.communityId),
          volunteers.myHelpRequests(),
        ])
        this.setData({ loading: false, serviceTypes: serviceTypesOf(teams), mine: mine.map(row) })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    pickType(event: WechatMiniprogram.CustomEvent) {
      this.setData({ serviceType: String(event.currentTarget.dataset['type'] ?? '') })
    },

    onField(event: WechatMiniprogram.CustomEvent) {
      const field = String(event.currentTarget.dataset['field'] ?? '')
      this.setData({ [field]: String(event.detail ?? '') })
    },

    onPicker(event: WechatMiniprogram.CustomEvent) {
      const field = String(event.currentTarget.dataset['field'] ?? '')
      this.setData({ [field]: String((event.detail as { value?: string }).value ?? '') })
    },

    async submit() {
      const d = this.data
      if (d.saving) return
      const problem = !d.serviceType
        ? '请选择需要哪类帮助'
        : d.description.trim().length < 5
          ? '请把需要的帮助写清楚一些（至少 5 个字）'
          : !d.place.trim()
            ? '请填写地点'
            : ''
      if (problem) {
        wx.showToast({ title: problem, icon: 'none' })
        return
      }
      this.setData({ saving: true })
      try {
        await volunteers.requestHelp({
          communityId: d.communityId,
          serviceType: d.serviceType,
          description: d.description.trim(),
          place: d.place.trim(),
          ...(d.date ? { preferredStart: `${d.date}T${d.time || '09:00'}:00+08:00` } : {}),
          peopleNeeded: Math.max(1, Number(d.people) || 1),
          requestId: d.requestId,
        })
        wx.showToast({ title: '已提交，社区会尽快安排', icon: 'none' })
        this.setData({ description: '', requestId: newRequestId() })
        this.setData({ mine: (await volunteers.myHelpRequests()).map(row) })
      } catch (error) {
        if (isPrivacyRefusal(error)) this.setData({ showConsent: true })
        else showError(error)
      } finally {
        this.setData({ saving: false })
      }
    },

    async onConsentAgreed() {
      this.setData({ showConsent: false })
      await this.submit()
    },

    onConsentCancel() {
      this.setData({ showConsent: false })
    },

    openProject(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      if (id) wx.navigateTo({ url: `/subpackages/volunteers/project/index?id=${id}` })
    },
  },
})

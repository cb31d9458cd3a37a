/**
 * 党支部发起: staff describe a project, pick its day and hours (an end before the start means the
 * next day: a night patrol), the signup deadline and places, and invite the alliance's teams.
 */
import type { TeamView } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { volunteers } from '../../../services/volunteers'
import { messageOf, showError } from '../../../utils/feedback'
import { newRequestId } from '../../../utils/requestId'
import { formatBeijing } from '../../../utils/time'
import { serviceTypesOf } from '../../../utils/volunteerWords'

const DAY = 86_400_000

/** A Beijing date and time as an ISO instant with its offset. */
const instant = (date: string, time: string) => `${date}T${time}:00+08:00`

function plusDays(date: string, days: number): string {
  return formatBeijing(Date.parse(`${date}T12:00:00+08:00`) + days * DAY, 'YYYY-MM-DD')
}

Component({
  behaviors: [pageBehavior],
  data: {
    communityId: '',
    loading: true,
    error: '',
    teams: [] as Array<TeamView & { on: boolean }>,
    serviceTypes: [] as string[],
    title: '',
    description: '',
    serviceType: '',
    place: '',
    date: '',
    today: '',
    startTime: '09:00',
    endTime: '11:00',
    deadlineDate: '',
    deadlineTime: '20:00',
    capacity: '10',
    teamsOnly: false,
    skills: '',
    overnight: false,
    saving: false,
    requestId: newRequestId(),
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const today = formatBeijing(Date.now(), 'YYYY-MM-DD')
      const date = plusDays(today, 3)
      this.setData({
        communityId: query['communityId'] ?? '',
        today,
        date,
        deadlineDate: plusDays(date, -1),
      })
      await this.load()
    },

    async load() {
      this.setData({ loading: true, error: '' })
      try {
        const teams = await volunteers.listTeams(this.data.communityId)
        this.setData({
          loading: false,
          teams: teams.map((t) => ({ ...t, on: false })),
          serviceTypes: serviceTypesOf(teams),
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    onField(event: WechatMiniprogram.CustomEvent) {
      const field = String(event.currentTarget.dataset['field'] ?? '')
      this.setData({ [field]: String(event.detail ?? '') })
    },

    onPicker(event: WechatMiniprogram.CustomEvent) {
      const field = String(event.currentTarget.dataset['field'] ?? '')
      this.setData({ [field]: String((event.detail as { value?: string }).value ?? '') })
      this.setData({ overnight: this.data.endTime <= this.data.startTime })
    },

    pickType(event: WechatMiniprogram.CustomEvent) {
      const type = String(event.currentTarget.dataset['type'] ?? '')
      const invite = this.data.teams.map((t) => ({
        ...t,
        on: t.on || t.serviceTypes.indexOf(type) >= 0,
      }))
      this.setData({ serviceType: type, teams: invite })
    },

    toggleTeam(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      this.setData({ teams: this.data.teams.map((t) => (t.id === id ? { ...t, on: !t.on } : t)) })
    },

    toggleTeamsOnly() {
      this.setData({ teamsOnly: !this.data.teamsOnly })
    },

    problem(): string {
      const d = this.data
      if (!d.title.trim()) return '请填写项目名称'
      if (!d.description.trim()) return '请介绍一下项目'
      if (!d.serviceType.trim()) return '请选择或填写服务类型'
      if (!d.place.trim()) return '请填写服务地点'
      if (!(Number(d.capacity) >= 1)) return '招募人数至少 1 人'
      if (d.teamsOnly && !d.teams.some((t) => t.on)) return '请选择限定的服务队'
      return ''
    },

    async submit() {
      if (this.data.saving) return
      const problem = this.problem()
      if (problem) {
        wx.showToast({ title: problem, icon: 'none' })
        return
      }
      const d = this.data
      const invited = d.teams.filter((t) => t.on).map((t) => t.id)
      const skills = d.skills
        .split(/[,，、\s]+/)
        .map((s) => s.trim())
        .filter(Boolean)
      this.setData({ saving: true })
      try {
        const project = await volunteers.createProject({
          communityId: d.communityId,
          title: d.title.trim(),
          description: d.description.trim(),
          serviceType: d.serviceType.trim(),
          place: d.place.trim(),
          startAt: instant(d.date, d.startTime),
          endAt: instant(d.overnight ? plusDays(d.date, 1) : d.date, d.endTime),
          signupDeadline: instant(d.deadlineDate, d.deadlineTime),
          capacity: Number(d.capacity),
          invitedTeamIds: invited,
          ...(d.teamsOnly ? { conditionTeamIds: invited } : {}),
          ...(skills.length ? { skills } : {}),
          requestId: d.requestId,
        })
        wx.showToast({ title: '项目已发起', icon: 'success' })
        wx.redirectTo({ url: `/subpackages/volunteers/project/index?id=${project.id}` })
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ saving: false })
      }
    },
  },
})

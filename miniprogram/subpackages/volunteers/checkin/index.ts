/**
 * On the day. The organiser shows the check-in code (digits and a mini-program code, new every
 * minute), scans volunteers' passes, and confirms or corrects each volunteer's hours with an
 * evaluation. A volunteer checks in and out by scanning the organiser's code or typing its digits,
 * or shows their own pass for the organiser to scan.
 */
import type { Evaluation, OrganiserSignupView, ProjectDetail } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { volunteers } from '../../../services/volunteers'
import { messageOf, showError } from '../../../utils/feedback'
import { formatBeijing } from '../../../utils/time'
import {
  EVALUATIONS,
  HOURS_WORDS,
  hoursText,
  sceneOfScan,
  timeRange,
} from '../../../utils/volunteerWords'

/** How often the shown codes are fetched again: well inside their two-minute life. */
const REFRESH_MS = 20_000

function row(s: OrganiserSignupView) {
  return {
    ...s,
    timesText: s.checkedInAt
      ? `${formatBeijing(s.checkedInAt, 'HH:mm')} 签到${s.checkedOutAt ? ` · ${formatBeijing(s.checkedOutAt, 'HH:mm')} 签退` : ''}`
      : '未签到',
    hoursLine:
      s.hoursStatus === 'confirmed'
        ? `${hoursText(s.confirmedMinutes)} · 已确认${s.corrected ? '（已修改）' : ''}`
        : s.computedMinutes !== null
          ? `${hoursText(s.computedMinutes)} · ${HOURS_WORDS[s.hoursStatus]}`
          : '',
  }
}

let timer: ReturnType<typeof setInterval> | null = null

Component({
  behaviors: [pageBehavior],
  data: {
    id: '',
    loading: true,
    error: '',
    title: '',
    timeText: '',
    organiser: false,
    // The organiser's side.
    code: '',
    qrImage: '',
    expiresText: '',
    signups: [] as Array<ReturnType<typeof row>>,
    editing: '',
    minutes: '',
    reason: '',
    evaluation: 'good' as Evaluation,
    evaluations: EVALUATIONS,
    saving: false,
    // The volunteer's side.
    mine: null as ProjectDetail['mine'],
    typed: '',
    passImage: '',
    checking: false,
  },
  lifetimes: {
    detached() {
      if (timer) clearInterval(timer)
      timer = null
    },
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query['id'] ?? '' })
      await this.load()
    },

    onUnload() {
      if (timer) clearInterval(timer)
      timer = null
    },

    async load() {
      this.setData({ loading: this.data.title === '', error: '' })
      try {
        const detail = await volunteers.projectDetail(this.data.id)
        this.setData({
          title: detail.title,
          timeText: timeRange(detail.startAt, detail.endAt),
          organiser: detail.can.organise,
          mine: detail.mine,
        })
        if (detail.can.organise) {
          await Promise.all([this.refreshCode(), this.loadSignups()])
          if (!timer) timer = setInterval(() => void this.refreshCode(), REFRESH_MS)
        }
        this.setData({ loading: false })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    async refreshCode() {
      try {
        const shown = await volunteers.checkInCode(this.data.id)
        this.setData({
          code: shown.code,
          qrImage: shown.qrImage,
          expiresText: formatBeijing(shown.expiresAt, 'HH:mm'),
        })
      } catch (error) {
        // Before the window opens the server says when it does: show that instead of a code.
        this.setData({ code: '', qrImage: '', expiresText: messageOf(error) })
      }
    },

    async loadSignups() {
      const page = await volunteers.listSignups(this.data.id)
      this.setData({ signups: page.items.map(row) })
    },

    scanPass() {
      wx.scanCode({
        onlyFromCamera: true,
        success: async (result) => {
          const pass = sceneOfScan(result)['v']
          if (!pass) {
            wx.showToast({ title: '这不是志愿者的签到码', icon: 'none' })
            return
          }
          try {
            const done = await volunteers.scanPass(this.data.id, pass)
            wx.showToast({
              title: `${done.name} ${done.action === 'checkIn' ? '签到' : '签退'}成功`,
              icon: 'success',
            })
            await this.loadSignups()
          } catch (error) {
            showError(error)
          }
        },
      })
    },

    edit(event: WechatMiniprogram.CustomEvent) {
      const openid = String(event.currentTarget.dataset['openid'] ?? '')
      const signup = this.data.signups.find((s) => s.openid === openid)
      if (!signup) return
      const minutes = signup.confirmedMinutes ?? signup.computedMinutes
      this.setData({
        editing: openid,
        minutes: minutes === null ? '' : String(minutes),
        reason: '',
        evaluation: signup.evaluation ?? 'good',
      })
    },

    closeEdit() {
      this.setData({ editing: '' })
    },

    onMinutes(event: WechatMiniprogram.CustomEvent) {
      this.setData({ minutes: String(event.detail ?? '') })
    },

    onReason(event: WechatMiniprogram.CustomEvent) {
      this.setData({ reason: String(event.detail ?? '') })
    },

    pickEvaluation(event: WechatMiniprogram.CustomEvent) {
      this.setData({ evaluation: event.currentTarget.dataset['key'] as Evaluation })
    },

    async confirm() {
      const signup = this.data.signups.find((s) => s.openid === this.data.editing)
      if (!signup || this.data.saving) return
      const text = this.data.minutes.trim()
      const minutes = text === '' ? null : Number(text)
      if (minutes === null && signup.computedMinutes === null) {
        wx.showToast({ title: '没有签退记录，请填写服务分钟数', icon: 'none' })
        return
      }
      const corrected = minutes !== null && minutes !== signup.computedMinutes
      if (corrected && !this.data.reason.trim()) {
        wx.showToast({ title: '修改服务时长请写明原因', icon: 'none' })
        return
      }
      this.setData({ saving: true })
      try {
        const done = await volunteers.confirmHours({
          projectId: this.data.id,
          openid: signup.openid,
          evaluation: this.data.evaluation,
          ...(corrected ? { minutes: minutes!, reason: this.data.reason.trim() } : {}),
        })
        wx.showToast({ title: `已确认 ${done.name} ${done.hours} 小时`, icon: 'none' })
        this.setData({ editing: '' })
        await this.loadSignups()
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ saving: false })
      }
    },

    onTyped(event: WechatMiniprogram.CustomEvent) {
      this.setData({ typed: String(event.detail ?? '').trim() })
    },

    /** Checks in, or out when already in, with the organiser's code. */
    async check(code: string) {
      if (this.data.checking) return
      if (!/^\d{6}$/.test(code)) {
        wx.showToast({ title: '签到码是 6 位数字', icon: 'none' })
        return
      }
      const mine = this.data.mine
      const out = Boolean(mine && mine.checkedInAt && !mine.checkedOutAt)
      this.setData({ checking: true })
      try {
        const done = out
          ? await volunteers.checkOut(this.data.id, code)
          : await volunteers.checkIn(this.data.id, code)
        wx.showToast({
          title: out ? `签退成功，服务 ${hoursText(done.computedMinutes)}` : '签到成功',
          icon: 'none',
        })
        this.setData({ typed: '' })
        await this.load()
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ checking: false })
      }
    },

    submitTyped() {
      void this.check(this.data.typed)
    },

    scanCode() {
      wx.scanCode({
        onlyFromCamera: true,
        success: (result) => {
          const code = sceneOfScan(result)['k']
          if (code) void this.check(code)
          else wx.showToast({ title: '这不是本项目的签到码', icon: 'none' })
        },
      })
    },

    async showPass() {
      try {
        const pass = await volunteers.myPass(this.data.id)
        this.setData({ passImage: pass.qrImage })
      } catch (error) {
        showError(error)
      }
    },
  },
})

/**
 * A volunteer project, and the landing page of its shared card (`?id=`) and QR codes (`scene`):
 * someone opening the app for the first time lands here, agrees to the privacy notice in place
 * and signs up without going anywhere else. Scanning the organiser's check-in code (scene
 * `c=<id>&k=<code>`) checks the volunteer in or out right here. Leaders of invited teams respond
 * here; the organiser and staff find their tools here.
 */
import type { ProjectDetail } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { askForNotices } from '../../../services/subscribe'
import { volunteers } from '../../../services/volunteers'
import { isPrivacyRefusal, messageOf, showError } from '../../../utils/feedback'
import { newRequestId } from '../../../utils/requestId'
import { formatBeijing } from '../../../utils/time'
import {
  HOURS_WORDS,
  PHASE_WORDS,
  RESPONSE_WORDS,
  SIGNUP_WORDS,
  hoursText,
  parseScene,
  timeRange,
} from '../../../utils/volunteerWords'

function view(detail: ProjectDetail) {
  const mine = detail.mine && detail.mine.status !== 'cancelled' ? detail.mine : null
  const checkOpen = detail.phase === 'ongoing' || detail.phase === 'closed'
  return {
    ...detail,
    phaseText: PHASE_WORDS[detail.phase].text,
    phaseTag: PHASE_WORDS[detail.phase].tag,
    timeText: timeRange(detail.startAt, detail.endAt),
    deadlineText: formatBeijing(detail.signupDeadline, 'M月D日 HH:mm'),
    placesText: `${detail.confirmedCount} / ${detail.capacity} 人`,
    teamsText: detail.conditions.teams.map((t) => t.name).join('、'),
    skillsText: detail.conditions.skills.join('、'),
    invited: detail.invitedTeams.map((t) => ({
      ...t,
      statusText: t.status === 'accepted' ? `认领 ${t.places} 人` : RESPONSE_WORDS[t.status],
    })),
    respondTeams: detail.invitedTeams.filter((t) => detail.can.respondFor.indexOf(t.teamId) >= 0),
    mineText: mine
      ? mine.status === 'waitlisted'
        ? `候补第 ${mine.waitlistRank ?? '-'} 位，有人取消时按顺序递补，递补成功会通知您`
        : SIGNUP_WORDS[mine.status]
      : '',
    mineStatus: mine ? mine.status : '',
    checkText: mine
      ? mine.checkedOutAt
        ? `已签退 · ${hoursText(mine.confirmedMinutes ?? mine.computedMinutes)}（${HOURS_WORDS[mine.hoursStatus]}）`
        : mine.checkedInAt
          ? `已签到 ${formatBeijing(mine.checkedInAt, 'HH:mm')}`
          : ''
      : '',
    canSignup: detail.phase === 'signup' && !mine,
    canCancel: Boolean(mine) && (detail.phase === 'signup' || detail.phase === 'closed'),
    canCheck: Boolean(mine && mine.status === 'confirmed' && checkOpen),
    canManage: detail.can.organise || detail.can.staff,
    canCancelProject: detail.can.staff && detail.phase !== 'ended' && detail.phase !== 'cancelled',
    overlapText: detail.overlaps
      .map((o) => `「${o.title}」${timeRange(o.startAt, o.endAt)}`)
      .join('；'),
  }
}

type View = ReturnType<typeof view>

Component({
  behaviors: [pageBehavior],
  data: {
    id: '',
    loading: true,
    error: '',
    detail: null as View | null,
    /** Opened by scanning a volunteer's pass: that is for the organiser's check-in page. */
    passScanned: false,
    /** The check-in code a scanned QR code carried. */
    sceneCode: '',
    checkNotice: '',
    name: '',
    teamId: '',
    confirmSkills: false,
    signing: false,
    showConsent: false,
    /** One request id per attempt: a double tap or a retry signs up once. */
    requestId: newRequestId(),
    places: '',
    responding: false,
    qrImage: '',
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const scene = parseScene(query['scene'])
      if (scene['v']) {
        this.setData({ loading: false, passScanned: true })
        return
      }
      this.setData({
        id: query['id'] || scene['p'] || scene['c'] || '',
        sceneCode: scene['k'] || '',
      })
      await this.load()
      if (this.data.sceneCode) await this.checkWithScannedCode()
    },

    async load() {
      if (!this.data.id) {
        this.setData({ loading: false, error: '没有找到这个志愿项目' })
        return
      }
      this.setData({ loading: this.data.detail === null, error: '' })
      try {
        const detail = view(await volunteers.projectDetail(this.data.id))
        this.setData({
          detail,
          loading: false,
          teamId: this.data.teamId || (detail.myTeams[0] ? detail.myTeams[0].id : ''),
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    /** The organiser's code, scanned with WeChat: check in, or out if already in. */
    async checkWithScannedCode() {
      const detail = this.data.detail
      const code = this.data.sceneCode
      this.setData({ sceneCode: '' })
      if (!detail) return
      const mine = detail.mine
      try {
        if (mine && mine.checkedInAt && !mine.checkedOutAt) {
          const done = await volunteers.checkOut(detail.id, code)
          this.setData({
            checkNotice: `签退成功，本次服务 ${hoursText(done.computedMinutes)}，待组织者确认`,
          })
        } else if (mine && mine.checkedOutAt) {
          this.setData({ checkNotice: '您已经签退了，辛苦了！' })
          return
        } else {
          const done = await volunteers.checkIn(detail.id, code)
          this.setData({ checkNotice: `签到成功 ${formatBeijing(done.checkedInAt, 'HH:mm')}` })
        }
        await this.load()
      } catch (error) {
        this.setData({ checkNotice: messageOf(error) })
      }
    },

    onName(event: WechatMiniprogram.CustomEvent) {
      this.setData({ name: String(event.detail ?? '') })
    },

    pickTeam(event: WechatMiniprogram.CustomEvent) {
      this.setData({ teamId: String(event.currentTarget.dataset['id'] ?? '') })
    },

    toggleSkills() {
      this.setData({ confirmSkills: !this.data.confirmSkills })
    },

    /** A tap: ask for the promotion and reminder messages first, as WeChat requires. */
    signup() {
      const detail = this.data.detail
      if (this.data.signing || !detail) return
      if (detail.conditions.skills.length > 0 && !this.data.confirmSkills) {
        wx.showToast({ title: `请先确认您具备：${detail.skillsText}`, icon: 'none' })
        return
      }
      void askForNotices(['volunteerPromoted', 'volunteerReminder']).then(() => this.sendSignup())
    },

    async sendSignup() {
      const detail = this.data.detail
      if (!detail) return
      this.setData({ signing: true })
      try {
        const name = this.data.name.trim()
        const result = await volunteers.signup({
          projectId: detail.id,
          requestId: this.data.requestId,
          ...(name ? { name } : {}),
          ...(this.data.teamId ? { teamId: this.data.teamId } : {}),
          ...(detail.conditions.skills.length ? { confirmSkills: true } : {}),
        })
        wx.showToast({
          title:
            result.status === 'confirmed'
              ? '报名成功'
              : `名额已满，您是候补第 ${result.waitlistRank} 位`,
          icon: result.status === 'confirmed' ? 'success' : 'none',
        })
        if (result.overlaps.length) {
          wx.showModal({
            title: '时间冲突提醒',
            content: `您还报名了${result.overlaps.map((o) => `「${o.title}」`).join('、')}，时间与本项目重叠，请合理安排。`,
            showCancel: false,
          })
        }
        this.setData({ requestId: newRequestId() })
        await this.load()
      } catch (error) {
        if (isPrivacyRefusal(error)) this.setData({ showConsent: true })
        else showError(error)
      } finally {
        this.setData({ signing: false })
      }
    },

    async onConsentAgreed() {
      this.setData({ showConsent: false })
      await this.sendSignup()
    },

    onConsentCancel() {
      this.setData({ showConsent: false })
      wx.showToast({ title: '不同意隐私保护指引就无法报名', icon: 'none' })
    },

    cancelSignup() {
      const detail = this.data.detail
      if (!detail) return
      wx.showModal({
        title: '取消报名',
        content: '确定不参加了吗？您的名额会按顺序让给候补的志愿者。',
        confirmText: '取消报名',
        cancelText: '再想想',
        success: async (answer) => {
          if (!answer.confirm) return
          try {
            await volunteers.cancelSignup(detail.id)
            wx.showToast({ title: '已取消报名', icon: 'none' })
            await this.load()
          } catch (error) {
            showError(error)
          }
        },
      })
    },

    openCheckIn() {
      wx.navigateTo({ url: `/subpackages/volunteers/checkin/index?id=${this.data.id}` })
    },

    onPlaces(event: WechatMiniprogram.CustomEvent) {
      this.setData({ places: String(event.detail ?? '') })
    },

    async respond(event: WechatMiniprogram.CustomEvent) {
      const { team, decision } = event.currentTarget.dataset as { team: string; decision: string }
      if (this.data.responding) return
      const places = Number(this.data.places)
      if (decision === 'accept' && !(places >= 1)) {
        wx.showToast({ title: '请填写贵队认领的人数', icon: 'none' })
        return
      }
      this.setData({ responding: true })
      try {
        await volunteers.respondToProject({
          projectId: this.data.id,
          teamId: team,
          decision: decision === 'accept' ? 'accept' : 'decline',
          ...(decision === 'accept' ? { places } : {}),
        })
        wx.showToast({ title: decision === 'accept' ? '已响应' : '已婉拒', icon: 'none' })
        await this.load()
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ responding: false })
      }
    },

    async showQr() {
      try {
        const { qrImage } = await volunteers.projectQr(this.data.id)
        this.setData({ qrImage })
      } catch (error) {
        showError(error)
      }
    },

    cancelProject() {
      wx.showModal({
        title: '取消项目',
        editable: true,
        placeholderText: '请写明取消原因，会通知已报名的志愿者',
        confirmText: '取消项目',
        cancelText: '不取消',
        success: async (answer) => {
          const reason = (answer.content || '').trim()
          if (!answer.confirm) return
          if (!reason) {
            wx.showToast({ title: '请写明取消原因', icon: 'none' })
            return
          }
          try {
            await volunteers.cancelProject(this.data.id, reason)
            wx.showToast({ title: '项目已取消', icon: 'none' })
            await this.load()
          } catch (error) {
            showError(error)
          }
        },
      })
    },

    goToList() {
      wx.switchTab({ url: '/pages/volunteers/index' })
    },

    onShareAppMessage() {
      const detail = this.data.detail
      return {
        title: detail ? `邀您一起做志愿：${detail.title}` : '近邻志愿项目',
        path: detail
          ? detail.sharePath
          : `/subpackages/volunteers/project/index?id=${this.data.id}`,
      }
    },
  },
})

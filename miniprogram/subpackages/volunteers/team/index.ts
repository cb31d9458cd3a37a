/**
 * A team of the alliance: what it does, its members, its hours. Anyone may ask to join; the
 * leader (and staff) approve requests and answer the projects that invited the team.
 */
import type { TeamDetail } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { volunteers } from '../../../services/volunteers'
import { isPrivacyRefusal, messageOf, showError } from '../../../utils/feedback'
import { formatBeijing } from '../../../utils/time'
import { RESPONSE_WORDS } from '../../../utils/volunteerWords'

function view(team: TeamDetail) {
  return {
    ...team,
    typesText: team.serviceTypes.join('、'),
    invitationRows: team.invitations.map((i) => ({
      ...i,
      dateText: formatBeijing(i.startAt, 'M月D日 HH:mm'),
      statusText: i.status === 'accepted' ? `认领 ${i.places} 人` : RESPONSE_WORDS[i.status],
    })),
    pendingRows: team.pending.map((p) => ({
      ...p,
      dateText: formatBeijing(p.requestedAt, 'M月D日'),
    })),
  }
}

Component({
  behaviors: [pageBehavior],
  data: {
    id: '',
    loading: true,
    error: '',
    team: null as ReturnType<typeof view> | null,
    note: '',
    joining: false,
    showConsent: false,
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query['id'] ?? '' })
      await this.load()
    },

    async load() {
      this.setData({ loading: this.data.team === null, error: '' })
      try {
        this.setData({ team: view(await volunteers.teamDetail(this.data.id)), loading: false })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    onNote(event: WechatMiniprogram.CustomEvent) {
      this.setData({ note: String(event.detail ?? '') })
    },

    async join() {
      if (this.data.joining) return
      this.setData({ joining: true })
      try {
        await volunteers.joinTeam(this.data.id, this.data.note.trim() || undefined)
        wx.showToast({ title: '已申请，等待队长审核', icon: 'none' })
        await this.load()
      } catch (error) {
        if (isPrivacyRefusal(error)) this.setData({ showConsent: true })
        else showError(error)
      } finally {
        this.setData({ joining: false })
      }
    },

    async onConsentAgreed() {
      this.setData({ showConsent: false })
      await this.join()
    },

    onConsentCancel() {
      this.setData({ showConsent: false })
    },

    leave() {
      wx.showModal({
        title: '退出服务队',
        content: '确定退出吗？已有的服务记录会保留。',
        success: async (answer) => {
          if (!answer.confirm) return
          try {
            await volunteers.leaveTeam(this.data.id)
            await this.load()
          } catch (error) {
            showError(error)
          }
        },
      })
    },

    async review(event: WechatMiniprogram.CustomEvent) {
      const { openid, decision } = event.currentTarget.dataset as {
        openid: string
        decision: 'approve' | 'reject'
      }
      const send = async (reason?: string) => {
        try {
          await volunteers.reviewMember({
            teamId: this.data.id,
            openid,
            decision,
            ...(reason ? { reason } : {}),
          })
          wx.showToast({ title: decision === 'approve' ? '已同意入队' : '已拒绝', icon: 'none' })
          await this.load()
        } catch (error) {
          showError(error)
        }
      }
      if (decision === 'approve') {
        await send()
        return
      }
      wx.showModal({
        title: '拒绝入队申请',
        editable: true,
        placeholderText: '请写明理由',
        success: (answer) => {
          const reason = (answer.content || '').trim()
          if (answer.confirm && reason) void send(reason)
          else if (answer.confirm) wx.showToast({ title: '请写明理由', icon: 'none' })
        },
      })
    },

    openProject(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      wx.navigateTo({ url: `/subpackages/volunteers/project/index?id=${id}` })
    },
  },
})

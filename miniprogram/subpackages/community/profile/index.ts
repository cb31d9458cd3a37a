/** 个人资料: what I tell the community about myself, all optional but a display name; and deleting it all. */
import { pageBehavior } from '../../../behaviors/page'
import { CloudCallError } from '../../../services/cloud'
import { community } from '../../../services/community'
import { messageOf, showError } from '../../../utils/feedback'

Component({
  behaviors: [pageBehavior],
  data: {
    loading: true,
    error: '',
    displayName: '',
    realName: '',
    phone: '',
    openid: '',
    saving: false,
    showConsent: false,
  },
  lifetimes: {
    attached() {
      void this.load()
    },
  },
  methods: {
    async load() {
      try {
        const me = await community.me()
        this.setData({
          loading: false,
          openid: me.openid,
          displayName: me.profile?.displayName ?? '',
          realName: me.profile?.realName ?? '',
          phone: me.profile?.phone ?? '',
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    onInput(event: WechatMiniprogram.CustomEvent) {
      const field = String(event.currentTarget.dataset['field'])
      this.setData({ [field]: String(event.detail ?? '') })
    },

    async save() {
      if (this.data.saving) return
      this.setData({ saving: true })
      try {
        await community.updateProfile({
          displayName: this.data.displayName.trim() || '邻居',
          realName: this.data.realName.trim() || null,
          phone: this.data.phone.trim() || null,
        })
        wx.showToast({ title: '已保存', icon: 'success' })
      } catch (error) {
        if (error instanceof CloudCallError && error.code === 'FAILED_PRECONDITION')
          this.setData({ showConsent: true })
        else showError(error)
      } finally {
        this.setData({ saving: false })
      }
    },

    async onConsentAgreed() {
      this.setData({ showConsent: false })
      await this.save()
    },

    onConsentCancel() {
      this.setData({ showConsent: false })
    },

    copyOpenid() {
      wx.setClipboardData({ data: this.data.openid })
    },

    deleteAll() {
      wx.showModal({
        title: '删除我的资料',
        content:
          '将删除您的称呼、姓名、手机号和房屋绑定。您提交过的建议和评价会保留，但不再显示您的身份。确定删除吗？',
        confirmText: '删除',
        confirmColor: '#c8161d',
        success: async (answer) => {
          if (!answer.confirm) return
          try {
            await community.deleteMyData()
            wx.showToast({ title: '已删除', icon: 'success' })
            wx.switchTab({ url: '/pages/me/index' })
          } catch (error) {
            showError(error)
          }
        },
      })
    },
  },
})

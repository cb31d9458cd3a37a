/**
 * Asks for consent to the privacy notice before any personal data leaves the phone. The agree
 * button also carries WeChat's own consent (open-type agreePrivacyAuthorization); the server
 * records which version was agreed to.
 */
import { community } from '../../services/community'
import { showError } from '../../utils/feedback'

Component({
  properties: {
    show: { type: Boolean, value: false },
  },
  data: { saving: false },
  methods: {
    async onAgree() {
      if (this.data.saving) return
      this.setData({ saving: true })
      try {
        await community.agreePrivacy()
        this.triggerEvent('agreed')
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ saving: false })
      }
    },
    onCancel() {
      this.triggerEvent('cancel')
    },
    openNotice() {
      wx.navigateTo({ url: '/subpackages/about/privacy/index' })
    },
  },
})

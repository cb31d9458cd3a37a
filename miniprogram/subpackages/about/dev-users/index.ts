/**
 * Development builds only (`npm start`): act as any demo user of the local cloud. A release
 * build has no local cloud and shows an empty state.
 */
import { pageBehavior } from '../../../behaviors/page'
import { LOCAL_CLOUD } from '../../../config'
import { devOpenid, setDevOpenid } from '../../../utils/devUser'

Component({
  behaviors: [pageBehavior],
  data: {
    users: LOCAL_CLOUD ? LOCAL_CLOUD.demoUsers : [],
    current: '',
  },
  lifetimes: {
    attached() {
      this.setData({ current: devOpenid() })
    },
  },
  methods: {
    choose(event: WechatMiniprogram.CustomEvent) {
      const openid = String(event.currentTarget.dataset['openid'] ?? '')
      if (!openid) return
      setDevOpenid(openid)
      this.setData({ current: openid })
      wx.showToast({ title: '已切换', icon: 'success' })
      wx.reLaunch({ url: '/pages/me/index' })
    },
  },
})

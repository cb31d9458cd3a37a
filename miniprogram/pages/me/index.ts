import { pageBehavior } from '../../behaviors/page'
import { LOCAL_CLOUD } from '../../config'
import { CloudCallError } from '../../services/cloud'
import { community } from '../../services/community'
import { ping } from '../../services/health'
import { devOpenid } from '../../utils/devUser'
import { messageOf } from '../../utils/feedback'
import { fontClass, isLargeText, setLargeText } from '../../utils/fontScale'
import { formatBeijing } from '../../utils/time'
import { toMeView, type MeView } from './view'

type ServiceState = 'idle' | 'checking' | 'ok' | 'failed'

Component({
  behaviors: [pageBehavior],
  data: {
    loading: true,
    loadError: '',
    me: null as MeView | null,
    largeText: false,
    serviceState: 'idle' as ServiceState,
    serviceText: '',
    /** Set only in development builds against the local cloud. */
    devUser: '',
  },
  lifetimes: {
    attached() {
      this.setData({ largeText: isLargeText(), devUser: LOCAL_CLOUD ? devUserLabel() : '' })
    },
  },
  methods: {
    /** A page built with Component() takes page events as methods. */
    onShow() {
      void this.load()
    },

    async load() {
      this.setData({ loading: this.data.me === null, loadError: '' })
      try {
        this.setData({ me: toMeView(await community.me()), loading: false })
      } catch (error) {
        this.setData({ loading: false, loadError: messageOf(error) })
      }
    },

    openBind() {
      wx.navigateTo({ url: '/subpackages/community/bind/index' })
    },

    openProfile() {
      wx.navigateTo({ url: '/subpackages/community/profile/index' })
    },

    openBuilding(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      wx.navigateTo({ url: `/subpackages/community/building/index?buildingId=${id}` })
    },

    openCommunity(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      wx.navigateTo({ url: `/subpackages/community/admin/index?communityId=${id}` })
    },

    openFeeHome(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      wx.navigateTo({ url: `/subpackages/fees/household/index?householdId=${id}` })
    },

    openFeeAccount(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      wx.navigateTo({ url: `/subpackages/fees/account/index?buildingId=${id}` })
    },

    openFeeRates(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      wx.navigateTo({ url: `/subpackages/fees/rates/index?communityId=${id}` })
    },

    onLargeTextChange(event: WechatMiniprogram.CustomEvent) {
      // van-switch sends the new state as the bare detail.
      const on = (event.detail as unknown) === true
      setLargeText(on)
      this.setData({ largeText: on, fontClass: fontClass() })
      wx.showToast({ title: on ? '已开启大字模式' : '已关闭大字模式', icon: 'none' })
    },

    async checkService() {
      if (this.data.serviceState === 'checking') return
      this.setData({ serviceState: 'checking', serviceText: '' })
      try {
        const result = await ping()
        this.setData({
          serviceState: 'ok',
          serviceText: `连接正常 · 服务器时间 ${formatBeijing(result.serverTime, 'MM-DD HH:mm:ss')}`,
        })
      } catch (error) {
        const message = error instanceof CloudCallError ? error.message : '连接失败，请稍后再试'
        this.setData({ serviceState: 'failed', serviceText: message })
      }
    },

    openDevUsers() {
      wx.navigateTo({ url: '/subpackages/about/dev-users/index' })
    },

    openPrivacy() {
      wx.navigateTo({ url: '/subpackages/about/privacy/index' })
    },
  },
})

function devUserLabel(): string {
  const openid = devOpenid()
  return LOCAL_CLOUD?.demoUsers.find((user) => user.openid === openid)?.label ?? openid
}

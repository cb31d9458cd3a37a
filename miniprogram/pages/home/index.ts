import { pageBehavior } from '../../behaviors/page'
import { HOME_MODULES } from './modules'

Component({
  behaviors: [pageBehavior],
  data: {
    modules: HOME_MODULES,
  },
  methods: {
    openModule(event: WechatMiniprogram.TouchEvent) {
      const url = String(event.currentTarget.dataset['url'] ?? '')
      // Every module lives on a tab page: navigateTo cannot open tab pages.
      if (url) wx.switchTab({ url })
    },
    onShareAppMessage() {
      return { title: '近邻：人人参与治理、人人服务社区', path: '/pages/home/index' }
    },
  },
})

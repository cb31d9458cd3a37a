import { CLOUD_ENV } from './config'

App({
  onLaunch() {
    // wx.cloud is missing on base libraries older than 2.2.3; calls then fail with a clear message.
    if (wx.cloud) wx.cloud.init({ env: CLOUD_ENV, traceUser: true })
  },
})

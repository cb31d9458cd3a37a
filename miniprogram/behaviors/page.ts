/**
 * What every page shares: the large-type class on its root view, refreshed whenever the page is
 * shown, because the option can change on another page.
 */
import { fontClass } from '../utils/fontScale'

export const pageBehavior = Behavior({
  data: { fontClass: '' },
  lifetimes: {
    attached() {
      this.setData({ fontClass: fontClass() })
    },
  },
  pageLifetimes: {
    show() {
      this.setData({ fontClass: fontClass() })
    },
  },
})

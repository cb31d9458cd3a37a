/** 我的报名: projects I hold a place in or wait for (soonest first), and those done (latest first). */
import type { MySignupItem } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { volunteers } from '../../../services/volunteers'
import { messageOf, showError } from '../../../utils/feedback'
import {
  HOURS_WORDS,
  PHASE_WORDS,
  SIGNUP_WORDS,
  hoursText,
  timeRange,
} from '../../../utils/volunteerWords'

type Scope = 'upcoming' | 'past'

function row(item: MySignupItem) {
  const cancelled = item.project.phase === 'cancelled'
  return {
    id: item.projectId,
    title: item.project.title,
    timeText: timeRange(item.project.startAt, item.project.endAt),
    place: item.project.place,
    statusText: cancelled
      ? PHASE_WORDS.cancelled.text
      : item.status === 'waitlisted'
        ? `候补第 ${item.waitlistRank ?? '-'} 位`
        : SIGNUP_WORDS[item.status],
    statusTag: cancelled ? 'default' : item.status === 'confirmed' ? 'success' : 'warning',
    hoursLine:
      item.checkedOutAt || item.hoursStatus === 'confirmed'
        ? `服务 ${hoursText(item.confirmedMinutes ?? item.computedMinutes)} · ${HOURS_WORDS[item.hoursStatus]}`
        : '',
  }
}

Component({
  behaviors: [pageBehavior],
  data: {
    scope: 'upcoming' as Scope,
    loading: true,
    error: '',
    items: [] as Array<ReturnType<typeof row>>,
    cursor: null as string | null,
    loadingMore: false,
  },
  methods: {
    onShow() {
      void this.load()
    },

    async load() {
      this.setData({ loading: true, error: '' })
      try {
        const page = await volunteers.mySignups(this.data.scope)
        this.setData({ loading: false, items: page.items.map(row), cursor: page.nextCursor })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    switchScope(event: WechatMiniprogram.CustomEvent) {
      const scope = event.currentTarget.dataset['scope'] as Scope
      if (scope === this.data.scope) return
      this.setData({ scope, items: [] })
      void this.load()
    },

    async more() {
      if (!this.data.cursor || this.data.loadingMore) return
      this.setData({ loadingMore: true })
      try {
        const page = await volunteers.mySignups(this.data.scope, this.data.cursor)
        this.setData({
          items: this.data.items.concat(page.items.map(row)),
          cursor: page.nextCursor,
        })
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ loadingMore: false })
      }
    },

    onReachBottom() {
      void this.more()
    },

    openProject(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      wx.navigateTo({ url: `/subpackages/volunteers/project/index?id=${id}` })
    },

    goToList() {
      wx.switchTab({ url: '/pages/volunteers/index' })
    },
  },
})

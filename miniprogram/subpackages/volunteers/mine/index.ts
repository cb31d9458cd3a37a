/** 我的报名: projects I hold a place in or wait for (soonest first), and those done (latest first). */
import type { MySignupItem } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { pagedList } from '../../../behaviors/pagedList'
import { volunteers } from '../../../services/volunteers'
import { messageOf } from '../../../utils/feedback'
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
  behaviors: [pageBehavior, pagedList],
  data: {
    scope: 'upcoming' as Scope,
    loading: true,
    error: '',
    items: [] as Array<ReturnType<typeof row>>,
    cursor: null as string | null,
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

    async fetchPage(cursor: string) {
      const page = await volunteers.mySignups(this.data.scope, cursor)
      return { items: page.items.map(row), nextCursor: page.nextCursor }
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

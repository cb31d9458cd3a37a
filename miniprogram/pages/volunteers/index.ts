/**
 * 近邻志愿: the projects open now (党支部发起, soonest first), and the ways in: my signups, my
 * service records, the alliance's teams, asking for help; staff also launch projects and see the
 * dashboard. Anyone may look without signing anything.
 */
import { pageBehavior } from '../../behaviors/page'
import { pagedList } from '../../behaviors/pagedList'
import { community, myCommunityId } from '../../services/community'
import { volunteers } from '../../services/volunteers'
import { messageOf } from '../../utils/feedback'
import { toProjectCard, type ProjectCard } from '../../utils/volunteerWords'

const SUBPACKAGE = '/subpackages/volunteers'

Component({
  behaviors: [pageBehavior, pagedList],
  data: {
    loading: true,
    error: '',
    items: [] as ProjectCard[],
    cursor: null as string | null,
    /** The community whose teams and help the entries open: where I live, else where I work. */
    communityId: '',
    staffOf: '',
  },
  methods: {
    onShow() {
      void this.load()
    },

    async onPullDownRefresh() {
      await this.load()
      wx.stopPullDownRefresh()
    },

    async load() {
      this.setData({ loading: this.data.items.length === 0, error: '' })
      try {
        const [page, me] = await Promise.all([
          volunteers.listProjects(),
          // The entries depend on who I am; the list does not, so a failure here is no failure.
          community.me().catch(() => null),
        ])
        const staffOf = me?.can.staffOf[0] ?? ''
        this.setData({
          loading: false,
          items: page.items.map(toProjectCard),
          cursor: page.nextCursor,
          communityId: me ? myCommunityId(me) : '',
          staffOf,
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    async fetchPage(cursor: string) {
      const page = await volunteers.listProjects(cursor)
      return { items: page.items.map(toProjectCard), nextCursor: page.nextCursor }
    },

    openProject(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      wx.navigateTo({ url: `${SUBPACKAGE}/project/index?id=${id}` })
    },

    openEntry(event: WechatMiniprogram.CustomEvent) {
      const page = String(event.currentTarget.dataset['page'] ?? '')
      const needsCommunity = ['teams', 'help', 'dashboard', 'create'].includes(page)
      const communityId =
        page === 'dashboard' || page === 'create' ? this.data.staffOf : this.data.communityId
      if (needsCommunity && !communityId) {
        wx.showToast({ title: '绑定房屋后可以使用', icon: 'none' })
        return
      }
      wx.navigateTo({
        url: `${SUBPACKAGE}/${page}/index${needsCommunity ? `?communityId=${communityId}` : ''}`,
      })
    },

    onShareAppMessage() {
      return { title: '近邻志愿：有事找找志愿者，无事做做志愿者', path: '/pages/volunteers/index' }
    },
  },
})

/** 近邻志愿同盟: the community's teams, what they do, my membership, and this month's ranking by hours. */
import type { TeamRankingRow, TeamView } from '../../../../typings'
import { pageBehavior } from '../../../behaviors/page'
import { volunteers } from '../../../services/volunteers'
import { messageOf } from '../../../utils/feedback'
import { monthOf } from '../../../utils/time'

const MEMBERSHIP_WORDS: Record<string, string> = {
  approved: '我是队员',
  pending: '申请中',
}

Component({
  behaviors: [pageBehavior],
  data: {
    communityId: '',
    month: '',
    loading: true,
    error: '',
    teams: [] as Array<TeamView & { typesText: string; membershipText: string }>,
    ranking: [] as TeamRankingRow[],
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      this.setData({ communityId: query['communityId'] ?? '', month: monthOf(Date.now()) })
      await this.load()
    },

    async load() {
      this.setData({ loading: this.data.teams.length === 0, error: '' })
      try {
        const [teams, ranking] = await Promise.all([
          volunteers.listTeams(this.data.communityId),
          volunteers.teamRanking(this.data.communityId, this.data.month),
        ])
        this.setData({
          loading: false,
          teams: teams.map((t) => ({
            ...t,
            typesText: t.serviceTypes.join('、'),
            membershipText: t.iLead ? '我是队长' : (MEMBERSHIP_WORDS[t.myMembership ?? ''] ?? ''),
          })),
          ranking: ranking.filter((r) => r.minutes > 0),
        })
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) })
      }
    },

    openTeam(event: WechatMiniprogram.CustomEvent) {
      const id = String(event.currentTarget.dataset['id'] ?? '')
      wx.navigateTo({ url: `/subpackages/volunteers/team/index?id=${id}` })
    },
  },
})

/** The modules the home page introduces, each with where a tap leads. */
export interface HomeModule {
  key: string
  title: string
  summary: string
  icon: string
  /** A tab page (switchTab) or, for modules without a tab, the page that holds their entry. */
  url: string
}

export const HOME_MODULES: HomeModule[] = [
  {
    key: 'suggestions',
    title: '提建议',
    summary: '小区的事说出来，件件有回应、件件有落实',
    icon: 'comment-o',
    url: '/pages/suggestions/index',
  },
  {
    key: 'corridor',
    title: '睦邻楼道',
    summary: '给自家楼道打分，一起争创“五星楼道”',
    icon: 'star-o',
    url: '/pages/corridor/index',
  },
  {
    key: 'volunteers',
    title: '近邻志愿',
    summary: '党支部发起、同盟响应、志愿者报名',
    icon: 'friends-o',
    url: '/pages/volunteers/index',
  },
  {
    key: 'fees',
    title: '楼栋管理费',
    summary: '按《楼栋管理公约》收支，账目向全楼公开',
    icon: 'balance-list-o',
    url: '/pages/me/index',
  },
]

/**
 * Demo users, one or more of every role, with fixed openids so that a developer can act as any
 * of them (README lists them; the mini-program's dev switcher offers them). All fictional.
 */
export type DemoRole =
  'staff' | 'gridWorker' | 'buildingHead' | 'resident' | 'teamLeader' | 'volunteer'

export interface DemoUser {
  openid: string
  displayName: string
  /** What a developer picks them for, in the switcher. */
  label: string
  roles: Array<{
    role: 'staff' | 'gridWorker' | 'buildingHead'
    communityId: string
    buildingId?: string
  }>
  /** The household the user is bound to (approved), if any. */
  household?: { buildingId: string; room: string }
  /** A binding waiting for the building head. */
  pendingHousehold?: { buildingId: string; room: string }
  leaderOf?: string
  memberOf?: string[]
}

export const DEMO_USERS: DemoUser[] = [
  {
    openid: 'demo-staff-hefeng',
    displayName: '林晓红',
    label: '社区工作人员 · 鹤峰社区',
    roles: [{ role: 'staff', communityId: 'c-hefeng' }],
  },
  {
    openid: 'demo-staff-jinxi',
    displayName: '吴海燕',
    label: '社区工作人员 · 金溪社区（党支部）',
    roles: [{ role: 'staff', communityId: 'c-jinxi' }],
  },
  {
    openid: 'demo-grid-wanda',
    displayName: '王志强',
    label: '网格员 · 万达社区',
    roles: [{ role: 'gridWorker', communityId: 'c-wanda' }],
  },
  {
    openid: 'demo-head-jiguang-3',
    displayName: '陈建国',
    label: '楼栋长 · 继光花苑3号楼',
    roles: [{ role: 'buildingHead', communityId: 'c-hefeng', buildingId: 'b-jiguang-3' }],
    household: { buildingId: 'b-jiguang-3', room: '101' },
  },
  {
    openid: 'demo-resident-huang',
    displayName: '黄大伯',
    label: '居民 · 继光花苑3号楼301（70岁）',
    roles: [],
    household: { buildingId: 'b-jiguang-3', room: '301' },
  },
  {
    openid: 'demo-resident-li',
    displayName: '李阿姨',
    label: '居民 · 申请绑定3号楼502（待审核）',
    roles: [],
    pendingHousehold: { buildingId: 'b-jiguang-3', room: '502' },
  },
  {
    openid: 'demo-leader-lvzhou',
    displayName: '郑老师',
    label: '队长 · 绿洲课后（金溪社区）',
    roles: [],
    household: { buildingId: 'b-jinhan-2b-17', room: '602' },
    leaderOf: 't-lvzhou-kehou',
  },
  {
    openid: 'demo-volunteer-zhou',
    displayName: '小周',
    label: '志愿者 · 金涵小区二期B区17号楼',
    roles: [],
    household: { buildingId: 'b-jinhan-2b-17', room: '1103' },
    memberOf: ['t-lvzhou-kehou', 't-benxiang-fengjing'],
  },
]

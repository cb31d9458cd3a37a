/** What the 我的 page shows of `me`, worded for people. */
import type { BindingStatus, MeResult, RoleKind } from '../../../typings'

const STATUS_TEXT: Record<BindingStatus, string> = {
  pending: '待楼栋长审核',
  approved: '已绑定',
  rejected: '未通过',
  left: '已解除',
}

const ROLE_TEXT: Record<RoleKind, string> = {
  staff: '社区工作人员',
  gridWorker: '网格员',
  buildingHead: '楼栋长',
}

export interface MeView {
  name: string
  roleTags: string[]
  homes: Array<{ id: string; address: string; status: string; approved: boolean; note: string }>
  managedBuildings: Array<{ id: string; name: string }>
  managedCommunities: Array<{ id: string; name: string }>
  /** Approved homes, for 我家的管理费. */
  feeHomes: Array<{ householdId: string; address: string }>
}

export function toMeView(me: MeResult): MeView {
  return {
    name: me.profile?.displayName ?? '邻居',
    roleTags: me.roles.map((r) =>
      `${r.buildingName ?? r.communityName} ${ROLE_TEXT[r.role]}`.trim(),
    ),
    homes: me.bindings.map((b) => ({
      id: b.id,
      address: b.address,
      status: STATUS_TEXT[b.status],
      approved: b.status === 'approved',
      note: b.status === 'rejected' && b.reason ? `理由：${b.reason}` : '',
    })),
    managedBuildings: me.roles
      .filter((r) => r.role === 'buildingHead' && r.buildingId)
      .map((r) => ({ id: r.buildingId ?? '', name: r.buildingName ?? '' })),
    managedCommunities: me.roles
      .filter((r) => r.role !== 'buildingHead')
      .map((r) => ({ id: r.communityId, name: r.communityName })),
    feeHomes: me.bindings
      .filter((b) => b.status === 'approved')
      .map((b) => ({ householdId: b.householdId, address: b.address })),
  }
}

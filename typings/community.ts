/** Function `community`: people, places and roles. */

export type RoleKind = 'staff' | 'gridWorker' | 'buildingHead'
export type BindingStatus = 'pending' | 'approved' | 'rejected' | 'left'

export interface RoleView {
  role: RoleKind
  communityId: string
  communityName: string
  buildingId?: string
  /** e.g. 继光花苑 3号楼 */
  buildingName?: string
}

export interface BindingView {
  id: string
  householdId: string
  buildingId: string
  communityId: string
  /** e.g. 鹤峰社区 继光花苑 3号楼 301 */
  address: string
  room: string
  status: BindingStatus
  reason?: string
  requestedAt: string
  reviewedAt?: string
}

export interface MyProfile {
  displayName: string
  realName: string | null
  phone: string | null
}

export interface MeResult {
  openid: string
  /** Null for someone who has not agreed to the privacy notice or filled anything in yet. */
  profile: MyProfile | null
  privacyAgreed: boolean
  roles: RoleView[]
  bindings: BindingView[]
  /** What the client may show: the server checks every action again. */
  can: {
    /** Communities where I am staff. */
    staffOf: string[]
    /** Communities whose matters I handle at the station: as staff or as a grid worker. */
    stationOf: string[]
    headOf: string[]
    isAdmin: boolean
  }
}

export interface CommunityView {
  id: string
  name: string
  street: string | null
}
export interface EstateView {
  id: string
  communityId: string
  name: string
}
export interface BuildingView {
  id: string
  communityId: string
  estateId: string
  number: string
  householdCount: number
  /** Only for the building's heads and the community's staff. */
  heads?: Array<{ openid: string; name: string }>
  partnerUnit: string | null
}

export interface ResidentView {
  openid: string
  /** Full for staff and the building's head, masked (陈**) for anyone else. */
  name: string
  /** Masked (138****1234) for everyone but staff; null when not given. */
  phone: string | null
}

export interface HouseholdView {
  id: string
  room: string
  floor: number
  /** 党员中心户: only for the building's residents, its heads and the community's staff. */
  partyMember?: boolean
  /** Only for the building's heads and the community's staff: a list of empty flats is a burglar's. */
  vacant?: boolean
  /** Only for the building's heads and the community's staff. */
  residents?: ResidentView[]
}

export interface PendingBindingView {
  id: string
  room: string
  householdId: string
  resident: ResidentView
  requestedAt: string
}

export interface AuditView {
  id: string
  actor: string
  action: string
  target: { collection: string; id: string }
  before?: unknown
  after?: unknown
  reason?: string
  createdAt: string
}

export interface Page<T> {
  items: T[]
  /** Pass back as `cursor` for the next page; null on the last. */
  nextCursor: string | null
}

type Empty = Record<string, never>

export interface CommunityActions {
  me: { input: Empty; output: MeResult }
  agreePrivacy: { input: { version: string }; output: { agreedAt: string } }
  updateProfile: {
    input: { displayName?: string; realName?: string | null; phone?: string | null }
    output: MyProfile
  }
  deleteMyData: { input: { confirm: true }; output: { deleted: true } }
  recordUploads: { input: { fileIds: string[] }; output: { recorded: number } }
  listCommunities: { input: Empty; output: CommunityView[] }
  listEstates: { input: { communityId: string }; output: EstateView[] }
  listBuildings: { input: { estateId: string }; output: BuildingView[] }
  listHouseholds: {
    input: { buildingId: string; cursor?: string; pageSize?: number }
    output: Page<HouseholdView>
  }
  requestBinding: {
    input: { buildingId: string; room: string; requestId: string }
    output: BindingView
  }
  reviewBinding: {
    input: { bindingId: string; decision: 'approve' | 'reject'; reason?: string }
    output: BindingView
  }
  leaveHousehold: { input: { bindingId: string }; output: BindingView }
  listPendingBindings: { input: { buildingId: string }; output: PendingBindingView[] }
  createCommunity: {
    input: { name: string; street?: string; district?: string; requestId: string }
    output: CommunityView
  }
  createEstate: {
    input: { communityId: string; name: string; requestId: string }
    output: EstateView
  }
  createBuilding: {
    input: { estateId: string; number: string; requestId: string }
    output: BuildingView
  }
  importHouseholds: {
    input: {
      buildingId: string
      floors: { from: number; to: number }
      roomsPerFloor: { from: number; to: number }
    }
    output: { created: number; skipped: number; householdCount: number }
  }
  appointBuildingHead: { input: { buildingId: string; openid: string }; output: BuildingView }
  removeBuildingHead: { input: { buildingId: string; openid: string }; output: BuildingView }
  grantStaff: {
    input: { communityId: string; openid: string; kind: 'staff' | 'gridWorker' }
    output: { openid: string; roles: RoleView[] }
  }
  revokeStaff: {
    input: { communityId: string; openid: string }
    output: { openid: string; roles: RoleView[] }
  }
  markPartyMemberHousehold: {
    input: { householdId: string; partyMember: boolean }
    output: HouseholdView
  }
  listAudit: {
    input: { communityId: string; cursor?: string; pageSize?: number }
    output: Page<AuditView>
  }
}

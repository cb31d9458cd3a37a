/**
 * The documents of the community structure, as stored. Community → estate → building →
 * household; users with roles; bindings of users to households.
 */
export type RoleKind = 'staff' | 'gridWorker' | 'buildingHead'

export interface Role {
  role: RoleKind
  communityId: string
  /** Only for buildingHead. */
  buildingId?: string
}

export interface UserDoc {
  _id: string
  openid: string
  displayName: string
  realName?: string
  phone?: string
  roles: Role[]
  /** Version of the privacy notice the user agreed to, and when. */
  privacyAgreed?: { version: string; at: Date }
  deleted?: boolean
  createdAt: Date
  updatedAt?: Date
}

export interface CommunityDoc {
  _id: string
  name: string
  street?: string
  district?: string
  /** Openids of the community's staff, kept with every role change (never fewer than one). */
  staffOpenids?: string[]
  createdAt: Date
}

export interface EstateDoc {
  _id: string
  communityId: string
  name: string
  createdAt: Date
}

export interface BuildingDoc {
  _id: string
  communityId: string
  estateId: string
  number: string
  sortKey: string
  headOpenids: string[]
  householdCount: number
  partnerUnit?: { name: string; adoptedAt: Date }
  partnerActivities?: Array<{ unit: string; activity: string; at: Date; by: string }>
  createdAt: Date
}

export interface HouseholdDoc {
  _id: string
  communityId: string
  estateId: string
  buildingId: string
  room: string
  floor: number
  partyMember: boolean
  vacant: boolean
  createdAt: Date
}

export type BindingStatus = 'pending' | 'approved' | 'rejected' | 'left'

export interface BindingDoc {
  _id: string
  openid: string
  householdId: string
  buildingId: string
  communityId: string
  status: BindingStatus
  /**
   * 'active' while pending or approved, the binding's own id once closed: a unique index on
   * (openid, householdId, activeSlot) allows one open binding per user and household, any number of closed ones.
   */
  activeSlot: string
  requestId?: string
  requestedAt: Date
  reviewedBy?: string
  reviewedAt?: Date
  reason?: string
  leftAt?: Date
}

export const COLLECTIONS = {
  users: 'users',
  communities: 'communities',
  estates: 'estates',
  buildings: 'buildings',
  households: 'households',
  bindings: 'bindings',
} as const

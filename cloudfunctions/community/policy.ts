/** Who may call each action of `community`, and on what (see shared/policy.ts). */
import type { Policy } from '../shared/policy'
import {
  aboutPersonIn,
  inBuilding,
  inCommunity,
  inEstate,
  inHousehold,
  ofBinding,
} from '../shared/scopes'

const STAFF_ONLY = '只有本社区的工作人员可以进行这项操作'
const BUILDING_MANAGERS = '只有本楼的楼栋长或本社区的工作人员可以进行这项操作'

export const communityPolicy: Policy<'community'> = {
  me: { allow: ['user'] },
  agreePrivacy: { allow: ['user'] },
  updateProfile: { allow: ['user'] },
  deleteMyData: { allow: ['user'] },
  // Photos the caller has just uploaded, recorded as theirs.
  recordUploads: { allow: ['user'] },
  listCommunities: { allow: ['user'] },
  listEstates: { allow: ['user'] },
  listBuildings: { allow: ['user'] },
  // Rooms are public (to ask to bind one); who lives there, vacancy and 党员中心户 are not.
  listHouseholds: { allow: ['user'] },
  requestBinding: { allow: ['user'] },
  reviewBinding: {
    allow: ['buildingHead', 'staff'],
    scope: ofBinding('bindingId'),
    notBySubject: '不能审核自己的绑定申请，请由本楼其他楼栋长或社区工作人员审核',
    denied: BUILDING_MANAGERS,
  },
  leaveHousehold: {
    allow: ['requester'],
    scope: ofBinding('bindingId'),
    denied: '只能解除自己的绑定',
  },
  listPendingBindings: {
    allow: ['buildingHead', 'staff'],
    scope: inBuilding('buildingId'),
    denied: BUILDING_MANAGERS,
  },
  createCommunity: { allow: ['admin'], denied: '只有系统管理员可以新建社区' },
  createEstate: { allow: ['staff'], scope: inCommunity('communityId'), denied: STAFF_ONLY },
  createBuilding: { allow: ['staff'], scope: inEstate('estateId'), denied: STAFF_ONLY },
  importHouseholds: { allow: ['staff'], scope: inBuilding('buildingId'), denied: STAFF_ONLY },
  appointBuildingHead: { allow: ['staff'], scope: inBuilding('buildingId'), denied: STAFF_ONLY },
  removeBuildingHead: { allow: ['staff'], scope: inBuilding('buildingId'), denied: STAFF_ONLY },
  // Roles are a staff power only, never a grid worker's; no one grants themselves a role.
  grantStaff: {
    allow: ['staff'],
    scope: aboutPersonIn('communityId', 'openid'),
    notBySubject: '不能更改自己的身份，请由本社区其他工作人员办理',
    denied: '只有本社区的工作人员可以任命工作人员和网格员',
  },
  revokeStaff: {
    allow: ['staff'],
    scope: aboutPersonIn('communityId', 'openid'),
    // A slip must not lock a community out: someone else takes a staff member off.
    notBySubject: '不能撤销自己的工作人员身份，请由其他工作人员操作',
    denied: '只有本社区的工作人员可以撤销工作人员和网格员',
  },
  markPartyMemberHousehold: {
    allow: ['staff'],
    scope: inHousehold('householdId'),
    denied: STAFF_ONLY,
  },
  listAudit: { allow: ['staff'], scope: inCommunity('communityId'), denied: STAFF_ONLY },
}

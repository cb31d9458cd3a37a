import { createRouter } from '../shared/router'
import { agreePrivacy } from './actions/agreePrivacy'
import { appointBuildingHead, removeBuildingHead } from './actions/buildingHeads'
import { createBuilding } from './actions/createBuilding'
import { createCommunity } from './actions/createCommunity'
import { createEstate } from './actions/createEstate'
import { deleteMyData } from './actions/deleteMyData'
import { grantStaff } from './actions/grantStaff'
import { importHouseholds } from './actions/importHouseholds'
import { leaveHousehold } from './actions/leaveHousehold'
import { listAudit } from './actions/listAudit'
import { listBuildings } from './actions/listBuildings'
import { listCommunities } from './actions/listCommunities'
import { listEstates } from './actions/listEstates'
import { listHouseholds } from './actions/listHouseholds'
import { listPendingBindings } from './actions/listPendingBindings'
import { markPartyMemberHousehold } from './actions/markPartyMemberHousehold'
import { me } from './actions/me'
import { requestBinding } from './actions/requestBinding'
import { revokeStaff } from './actions/revokeStaff'
import { recordUploads } from './actions/recordUploads'
import { reviewBinding } from './actions/reviewBinding'
import { updateProfile } from './actions/updateProfile'
import { communityPolicy } from './policy'

export const main = createRouter(
  'community',
  {
    me,
    agreePrivacy,
    updateProfile,
    deleteMyData,
    recordUploads,
    listCommunities,
    listEstates,
    listBuildings,
    listHouseholds,
    requestBinding,
    reviewBinding,
    leaveHousehold,
    listPendingBindings,
    createCommunity,
    createEstate,
    createBuilding,
    importHouseholds,
    appointBuildingHead,
    removeBuildingHead,
    grantStaff,
    revokeStaff,
    markPartyMemberHousehold,
    listAudit,
  },
  communityPolicy,
)

import { createRouter } from '../shared/router'
import { volunteersPolicy } from './policy'
import { cancelProject } from './actions/cancelProject'
import { cancelSignup } from './actions/cancelSignup'
import { checkIn } from './actions/checkIn'
import { checkInCode } from './actions/checkInCode'
import { checkOut } from './actions/checkOut'
import { confirmHours } from './actions/confirmHours'
import { convertHelpRequest } from './actions/convertHelpRequest'
import { createProject } from './actions/createProject'
import { dashboard } from './actions/dashboard'
import { exportRecords } from './actions/exportRecords'
import { joinTeam } from './actions/joinTeam'
import { leaveTeam } from './actions/leaveTeam'
import { listHelpRequests } from './actions/listHelpRequests'
import { listProjects } from './actions/listProjects'
import { listSignups } from './actions/listSignups'
import { listTeams } from './actions/listTeams'
import { myHelpRequests } from './actions/myHelpRequests'
import { myPass } from './actions/myPass'
import { myRecords } from './actions/myRecords'
import { mySignups } from './actions/mySignups'
import { projectDetail } from './actions/projectDetail'
import { projectQr } from './actions/projectQr'
import { remindUpcoming } from './actions/remindUpcoming'
import { requestHelp } from './actions/requestHelp'
import { respondToProject } from './actions/respondToProject'
import { reviewMember } from './actions/reviewMember'
import { saveTeam } from './actions/saveTeam'
import { scanPass } from './actions/scanPass'
import { signup } from './actions/signup'
import { teamDetail } from './actions/teamDetail'
import { teamRanking } from './actions/teamRanking'

/** Every action, also for tests that run the router in-process with their own clock. */
export const actions = {
  listTeams,
  teamDetail,
  joinTeam,
  leaveTeam,
  reviewMember,
  saveTeam,
  createProject,
  listProjects,
  projectDetail,
  respondToProject,
  cancelProject,
  projectQr,
  signup,
  cancelSignup,
  mySignups,
  listSignups,
  checkInCode,
  checkIn,
  checkOut,
  myPass,
  scanPass,
  confirmHours,
  myRecords,
  teamRanking,
  dashboard,
  exportRecords,
  requestHelp,
  myHelpRequests,
  listHelpRequests,
  convertHelpRequest,
  remindUpcoming,
}

export const main = createRouter('volunteers', actions, volunteersPolicy)

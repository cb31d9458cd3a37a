/**
 * Who may call each action of `volunteers`, and on what (see shared/policy.ts). The party branch
 * (the community's staff) launches projects; team leaders answer for their teams; a project's
 * organiser runs its check-in; anyone may open a shared project card and sign up.
 */
import type { Policy } from '../shared/policy'
import { inCommunity } from '../shared/scopes'
import { ofHelpRequest, ofMembership, ofProject, ofProjectAndTeams, ofTeam } from './lib/scope'

const STAFF_ONLY = '只有本社区的工作人员可以进行这项操作'
const ORGANISER = '只有本项目的组织者可以进行这项操作'

export const volunteersPolicy: Policy<'volunteers'> = {
  listTeams: { allow: ['user'] },
  teamDetail: { allow: ['user'] },
  joinTeam: { allow: ['user'] },
  leaveTeam: { allow: ['user'] },
  reviewMember: {
    allow: ['teamLeader', 'staff'],
    scope: ofMembership,
    notBySubject: '不能审核自己的入队申请',
    denied: '只有本队队长或社区工作人员可以进行这项操作',
  },
  saveTeam: { allow: ['staff'], scope: inCommunity('communityId'), denied: STAFF_ONLY },
  createProject: {
    allow: ['staff'],
    scope: inCommunity('communityId'),
    denied: '只有本社区的工作人员可以发起志愿项目',
  },
  listProjects: { allow: ['user'] },
  // The landing page of a shared card: anyone who opens it.
  projectDetail: { allow: ['user'] },
  respondToProject: {
    allow: ['teamLeader'],
    scope: ofTeam,
    denied: '只有本队队长可以代表服务队响应',
  },
  cancelProject: { allow: ['staff'], scope: ofProject, denied: STAFF_ONLY },
  projectQr: {
    allow: ['staff', 'organiser', 'teamLeader'],
    scope: ofProjectAndTeams,
    denied: '只有组织者、工作人员和受邀服务队的队长可以生成项目码',
  },
  // A project open only to some teams answers their members alone (checked by the action).
  signup: { allow: ['user'] },
  cancelSignup: { allow: ['user'] },
  mySignups: { allow: ['user'] },
  listSignups: {
    allow: ['organiser', 'staff'],
    scope: ofProject,
    denied: '只有组织者和本社区工作人员可以查看报名名单',
  },
  checkInCode: { allow: ['organiser'], scope: ofProject, denied: ORGANISER },
  checkIn: { allow: ['user'] },
  checkOut: { allow: ['user'] },
  myPass: { allow: ['user'] },
  scanPass: { allow: ['organiser'], scope: ofProject, denied: ORGANISER },
  confirmHours: { allow: ['organiser'], scope: ofProject, denied: ORGANISER },
  myRecords: { allow: ['user'] },
  teamRanking: { allow: ['user'] },
  dashboard: { allow: ['staff'], scope: inCommunity('communityId'), denied: STAFF_ONLY },
  exportRecords: { allow: ['staff'], scope: inCommunity('communityId'), denied: STAFF_ONLY },
  requestHelp: {
    allow: ['communityResident'],
    scope: inCommunity('communityId'),
    denied: '绑定本社区的房屋后才能求助',
  },
  myHelpRequests: { allow: ['user'] },
  listHelpRequests: { allow: ['staff'], scope: inCommunity('communityId'), denied: STAFF_ONLY },
  convertHelpRequest: { allow: ['staff'], scope: ofHelpRequest, denied: STAFF_ONLY },
  remindUpcoming: { allow: ['timer'] },
}

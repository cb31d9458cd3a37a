/** The `volunteers` function: 近邻志愿同盟, from a project launched to the hours on the record. */
import type { ActionInput, ActionName, ActionOutput } from '../../typings'
import { callCloud } from './cloud'

type Action = ActionName<'volunteers'>
type In<A extends Action> = ActionInput<'volunteers', A>

const call = <A extends Action>(action: A, input: In<A>): Promise<ActionOutput<'volunteers', A>> =>
  callCloud('volunteers', action, input)

export const volunteers = {
  listProjects: (cursor?: string) => call('listProjects', cursor ? { cursor } : {}),
  projectDetail: (projectId: string) => call('projectDetail', { projectId }),
  createProject: (input: In<'createProject'>) => call('createProject', input),
  respondToProject: (input: In<'respondToProject'>) => call('respondToProject', input),
  cancelProject: (projectId: string, reason: string) =>
    call('cancelProject', { projectId, reason }),
  projectQr: (projectId: string) => call('projectQr', { projectId }),
  signup: (input: In<'signup'>) => call('signup', input),
  cancelSignup: (projectId: string) => call('cancelSignup', { projectId }),
  mySignups: (scope: 'upcoming' | 'past', cursor?: string) =>
    call('mySignups', cursor ? { scope, cursor } : { scope }),
  listSignups: (projectId: string, cursor?: string) =>
    call('listSignups', cursor ? { projectId, cursor } : { projectId }),
  checkInCode: (projectId: string) => call('checkInCode', { projectId }),
  checkIn: (projectId: string, code: string) => call('checkIn', { projectId, code }),
  checkOut: (projectId: string, code: string) => call('checkOut', { projectId, code }),
  myPass: (projectId: string) => call('myPass', { projectId }),
  scanPass: (projectId: string, pass: string) => call('scanPass', { projectId, pass }),
  confirmHours: (input: In<'confirmHours'>) => call('confirmHours', input),
  myRecords: (cursor?: string) => call('myRecords', cursor ? { cursor } : {}),
  listTeams: (communityId: string) => call('listTeams', { communityId }),
  teamDetail: (teamId: string) => call('teamDetail', { teamId }),
  joinTeam: (teamId: string, note?: string) =>
    call('joinTeam', note ? { teamId, note } : { teamId }),
  leaveTeam: (teamId: string) => call('leaveTeam', { teamId }),
  reviewMember: (input: In<'reviewMember'>) => call('reviewMember', input),
  teamRanking: (communityId: string, month: string) => call('teamRanking', { communityId, month }),
  dashboard: (communityId: string, year: number) => call('dashboard', { communityId, year }),
  exportRecords: (communityId: string, month: string) =>
    call('exportRecords', { communityId, month }),
  requestHelp: (input: In<'requestHelp'>) => call('requestHelp', input),
  myHelpRequests: () => call('myHelpRequests', {}),
  listHelpRequests: (communityId: string, cursor?: string) =>
    call('listHelpRequests', cursor ? { communityId, cursor } : { communityId }),
  convertHelpRequest: (helpRequestId: string, requestId: string) =>
    call('convertHelpRequest', { helpRequestId, requestId }),
}

/**
 * Who may call each action of `suggestions`, and on what (see shared/policy.ts). The community's
 * management station — its staff and grid workers — accepts, dispatches and answers matters.
 */
import type { Policy } from '../shared/policy'
import { inCommunity } from '../shared/scopes'
import { filedIn, ofSuggestion } from './lib/scope'

const STATION = '只有本社区的工作人员和网格员可以受理、派发和驳回建议'

export const suggestionsPolicy: Policy<'suggestions'> = {
  // Residents of the community, and those who file for them (heads, grid workers, staff);
  // filing for another household (onBehalf) is refused by the action to plain residents.
  submit: {
    allow: ['communityResident', 'buildingHead', 'gridWorker', 'staff'],
    scope: filedIn,
    denied: '绑定本社区的房屋后才能向本社区提建议',
  },
  detail: {
    allow: ['reporter', 'handler', 'buildingHead', 'gridWorker', 'staff'],
    scope: ofSuggestion,
    denied: '只有提出人、办理人和社区工作人员可以查看',
  },
  mine: { allow: ['user'] },
  queue: { allow: ['user'] },
  board: { allow: ['staff', 'gridWorker'], scope: inCommunity('communityId'), denied: STATION },
  // The public wall: matters their reporters chose to show, names masked.
  wall: { allow: ['user'] },
  handlers: { allow: ['staff', 'gridWorker'], scope: ofSuggestion, denied: STATION },
  accept: { allow: ['staff', 'gridWorker'], scope: ofSuggestion, denied: STATION },
  assign: { allow: ['staff', 'gridWorker'], scope: ofSuggestion, denied: STATION },
  resolve: {
    allow: ['handler'],
    scope: ofSuggestion,
    denied: '只有这条建议的办理人可以办结',
  },
  confirm: { allow: ['reporter'], scope: ofSuggestion, denied: '只有提出人可以确认或重新提出' },
  reopen: { allow: ['reporter'], scope: ofSuggestion, denied: '只有提出人可以确认或重新提出' },
  reject: { allow: ['staff', 'gridWorker'], scope: ofSuggestion, denied: STATION },
  merge: { allow: ['staff', 'gridWorker'], scope: ofSuggestion, denied: STATION },
  statistics: {
    allow: ['staff', 'gridWorker'],
    scope: inCommunity('communityId'),
    denied: '只有本社区的工作人员和网格员可以查看统计',
  },
  autoClose: { allow: ['timer'] },
}

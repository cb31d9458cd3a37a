/** The `suggestions` function: 提建议, from submission to the reporter's confirmation. */
import type { ActionInput, ActionName, ActionOutput } from '../../typings'
import { callCloud } from './cloud'

type Action = ActionName<'suggestions'>
type In<A extends Action> = ActionInput<'suggestions', A>

const call = <A extends Action>(action: A, input: In<A>): Promise<ActionOutput<'suggestions', A>> =>
  callCloud('suggestions', action, input)

export const suggestions = {
  submit: (input: In<'submit'>) => call('submit', input),
  detail: (id: string) => call('detail', { id }),
  mine: (cursor?: string) => call('mine', cursor ? { cursor } : {}),
  queue: (cursor?: string) => call('queue', cursor ? { cursor } : {}),
  board: (input: In<'board'>) => call('board', input),
  wall: (communityId: string, cursor?: string) =>
    call('wall', cursor ? { communityId, cursor } : { communityId }),
  handlers: (id: string) => call('handlers', { id }),
  accept: (input: In<'accept'>) => call('accept', input),
  assign: (input: In<'assign'>) => call('assign', input),
  resolve: (input: In<'resolve'>) => call('resolve', input),
  confirm: (input: In<'confirm'>) => call('confirm', input),
  reopen: (input: In<'reopen'>) => call('reopen', input),
  reject: (input: In<'reject'>) => call('reject', input),
  merge: (input: In<'merge'>) => call('merge', input),
  statistics: (input: In<'statistics'>) => call('statistics', input),
}

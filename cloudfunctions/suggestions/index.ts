import { createRouter } from '../shared/router'
import { accept } from './actions/accept'
import { assign } from './actions/assign'
import { autoClose } from './actions/autoClose'
import { board } from './actions/board'
import { confirm } from './actions/confirm'
import { detail } from './actions/detail'
import { handlers } from './actions/handlers'
import { merge } from './actions/merge'
import { mine } from './actions/mine'
import { queue } from './actions/queue'
import { reject } from './actions/reject'
import { reopen } from './actions/reopen'
import { resolve } from './actions/resolve'
import { statistics } from './actions/statistics'
import { submit } from './actions/submit'
import { wall } from './actions/wall'
import { suggestionsPolicy } from './policy'

/** Every action, by name: the router below, and tests that run them with an injected clock. */
export const actions = {
  submit,
  detail,
  mine,
  queue,
  board,
  wall,
  handlers,
  accept,
  assign,
  resolve,
  confirm,
  reopen,
  reject,
  merge,
  statistics,
  autoClose,
}

export const main = createRouter('suggestions', actions, suggestionsPolicy)

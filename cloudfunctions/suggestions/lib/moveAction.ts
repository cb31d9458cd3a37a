/**
 * The shape every lifecycle action shares: load the matter and the caller, check the caller may
 * take this step, apply it to the version seen, then tell whoever should know.
 */
import type { SuggestionDetail } from '../../../typings/suggestions'
import { loadCaller, type Caller } from '../../shared/caller'
import type { Database } from '../../shared/cloud'
import type { UserContext } from '../../shared/router'
import { loadSuggestion, viewerOf, type Viewer } from './access'
import { requireMove, type Move } from './lifecycle'
import type { SuggestionDoc } from './model'
import { toDetail } from './views'

export interface MoveScope {
  db: Database
  caller: Caller
  viewer: Viewer
  item: SuggestionDoc
  now: Date
}

export async function runMove(
  context: UserContext,
  id: string,
  move: Move,
  authorize: (viewer: Viewer) => void,
  apply: (scope: MoveScope) => Promise<SuggestionDoc>,
  after?: (updated: SuggestionDoc, scope: MoveScope) => Promise<unknown>,
): Promise<SuggestionDetail> {
  const db = context.cloud.database()
  const [caller, item] = await Promise.all([loadCaller(db, context.openid), loadSuggestion(db, id)])
  const viewer = viewerOf(caller, item)
  authorize(viewer)
  requireMove(item, move)
  const scope = { db, caller, viewer, item, now: context.now() }
  const updated = await apply(scope)
  if (after) await after(updated, scope)
  return toDetail(updated, viewerOf(caller, updated), scope.now)
}

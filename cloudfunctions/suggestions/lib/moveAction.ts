/**
 * The shape every lifecycle action shares: load the matter and the caller, check the step is
 * open from the matter's status, apply it to the version seen, then tell whoever should know.
 * Who may take each step is suggestionsPolicy's, checked before the action runs.
 */
import type { SuggestionDetail } from '../../../typings/suggestions'
import { appendAudit } from '../../shared/audit'
import { type Caller } from '../../shared/caller'
import type { Database } from '../../shared/cloud'
import type { UserContext } from '../../shared/router'
import { loadSuggestion, viewerOf, type Viewer } from './access'
import { requireMove, type Move } from './lifecycle'
import { SUGGESTIONS, type SuggestionDoc } from './model'
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
  apply: (scope: MoveScope) => Promise<SuggestionDoc>,
  after?: (updated: SuggestionDoc, scope: MoveScope) => Promise<unknown>,
): Promise<SuggestionDetail> {
  const db = context.cloud.database()
  const [caller, item] = await Promise.all([context.caller(), loadSuggestion(db, id)])
  const viewer = viewerOf(caller, item)
  requireMove(item, move)
  const scope = { db, caller, viewer, item, now: context.now() }
  const updated = await apply(scope)
  // Staff's and handlers' steps, and a filer's for a resident, go to the community's audit too.
  const step = updated.timeline[updated.timeline.length - 1]!
  if (step.actorRole !== 'reporter' || item.onBehalf) {
    await appendAudit(db, {
      actor: context.openid,
      action: `suggestions.${move}`,
      target: { collection: SUGGESTIONS, id },
      communityId: item.communityId,
      before: { status: item.status },
      after: {
        status: updated.status,
        ...(updated.handler ? { handler: updated.handler.openid } : {}),
      },
      ...(step.text ? { reason: step.text } : {}),
    })
  }
  if (after) await after(updated, scope)
  return toDetail(updated, viewerOf(caller, updated), scope.now)
}

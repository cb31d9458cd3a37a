/** Who may see a matter and what each person may do with it, decided from the stored roles. */
import type { SuggestionDetail } from '../../../typings/suggestions'
import { isHeadOf, worksFor, type Caller } from '../../shared/caller'
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { TRANSITIONS } from './lifecycle'
import { SUGGESTIONS, type SuggestionDoc } from './model'

export interface Viewer {
  openid: string
  staff: boolean
  owner: boolean
  handler: boolean
  /** A head of the matter's building: may follow it, not act on it unless assigned. */
  head: boolean
}

export async function loadSuggestion(db: Database, id: string): Promise<SuggestionDoc> {
  const { data } = await db.collection<SuggestionDoc>(SUGGESTIONS).doc(id).get()
  if (!data) throw new AppError('NOT_FOUND', '没有找到这条建议')
  return data
}

export function viewerOf(caller: Caller, item: SuggestionDoc): Viewer {
  return {
    openid: caller.openid,
    // The management station: staff and grid workers.
    staff: worksFor(caller, item.communityId),
    owner: item.ownerOpenid === caller.openid,
    handler: item.handlerOpenid === caller.openid,
    head: item.buildingId !== null && isHeadOf(caller, item.buildingId),
  }
}

/** The steps this viewer may take now, in the order the page shows them. */
export function allowedMoves(viewer: Viewer, item: SuggestionDoc): SuggestionDetail['can'] {
  const moves: SuggestionDetail['can'] = []
  const open = (move: keyof typeof TRANSITIONS) => TRANSITIONS[move].from.includes(item.status)
  if (viewer.staff) {
    if (open('accept')) moves.push('accept')
    if (open('assign')) moves.push('assign')
  }
  if (viewer.handler && open('resolve')) moves.push('resolve')
  if (viewer.owner && open('confirm')) moves.push('confirm', 'reopen')
  if (viewer.staff) {
    if (open('reject')) moves.push('reject')
    if (open('merge')) moves.push('merge')
  }
  return moves
}

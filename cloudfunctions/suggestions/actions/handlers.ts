import type { HandlerCandidate } from '../../../typings/suggestions'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { loadSuggestion, requireStaff, viewerOf } from '../lib/access'
import { handlerCandidates } from '../lib/handlers'

/** Whom staff may assign this matter to. */
export const handlers = defineAction({
  input: input({ id: docId('建议') }),
  async run({ id }, context): Promise<HandlerCandidate[]> {
    const db = context.cloud.database()
    const [caller, item] = await Promise.all([context.caller(), loadSuggestion(db, id)])
    requireStaff(viewerOf(caller, item))
    return handlerCandidates(db, item)
  },
})

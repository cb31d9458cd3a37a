import type { HandlerCandidate } from '../../../typings/suggestions'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { loadSuggestion } from '../lib/access'
import { handlerCandidates } from '../lib/handlers'

/** Whom the station may assign this matter to (who may ask: suggestionsPolicy). */
export const handlers = defineAction({
  input: input({ id: docId('建议') }),
  async run({ id }, context): Promise<HandlerCandidate[]> {
    const db = context.cloud.database()
    return handlerCandidates(db, await loadSuggestion(db, id))
  },
})

import type { SuggestionDetail } from '../../../typings/suggestions'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { loadSuggestion, viewerOf } from '../lib/access'
import { toDetail } from '../lib/views'

/** One matter with its timeline and the steps the viewer may take. */
export const detail = defineAction({
  input: input({ id: docId('建议') }),
  async run({ id }, context): Promise<SuggestionDetail> {
    const db = context.cloud.database()
    const [caller, item] = await Promise.all([context.caller(), loadSuggestion(db, id)])
    const viewer = viewerOf(caller, item)
    return toDetail(item, viewer, context.now())
  },
})

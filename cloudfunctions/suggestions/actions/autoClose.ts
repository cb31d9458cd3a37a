import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { applyMove } from '../lib/lifecycle'
import { SUGGESTIONS, type SuggestionDoc } from '../lib/model'

/** How long a reporter has to confirm or reopen a resolved matter. */
export const CONFIRM_DAYS = 7
const BATCH = 100

/**
 * Timer (hourly): matters resolved more than 7 days ago and neither confirmed nor reopened close
 * by themselves, without a satisfaction score.
 */
export const autoClose = defineAction({
  caller: 'timer',
  input: input({}),
  async run(_input, context) {
    const db = context.cloud.database()
    const now = context.now()
    const cutoff = new Date(now.getTime() - CONFIRM_DAYS * 86_400_000)
    let closed = 0
    for (;;) {
      const { data } = await db
        .collection<SuggestionDoc>(SUGGESTIONS)
        .where({ status: 'resolved', resolvedAt: db.command['lte']!(cutoff) })
        .orderBy('resolvedAt', 'asc')
        .limit(BATCH)
        .get()
      let progressed = 0
      for (const item of data) {
        try {
          await applyMove(
            db,
            item,
            'autoClose',
            {
              at: now,
              actorRole: 'system',
              actor: 'system',
              kind: 'autoClosed',
              text: `办结后 ${CONFIRM_DAYS} 天未确认，自动完结`,
            },
            { closedAt: now },
          )
          closed += 1
          progressed += 1
        } catch (error) {
          // The reporter acted at this very moment: their step stands.
          if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error
        }
      }
      if (data.length < BATCH || progressed === 0) return { closed }
    }
  },
})

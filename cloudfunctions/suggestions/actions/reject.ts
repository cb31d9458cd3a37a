import { checkText } from '../../shared/contentCheck'
import { defineAction } from '../../shared/router'
import { docId, input, text } from '../../shared/validation'
import { applyMove, firstResponse } from '../lib/lifecycle'
import { runMove } from '../lib/moveAction'
import { noticeProgress } from '../lib/notices'

/** 驳回: staff decline the matter, always with the reason the reporter reads. */
export const reject = defineAction({
  input: input({ id: docId('建议'), reason: text('不予受理的原因', { max: 200 }) }),
  run: ({ id, reason }, context) =>
    runMove(
      context,
      id,
      'reject',
      async ({ db, item, now }) => {
        await checkText(context.cloud, context.openid, reason, 2)
        return applyMove(
          db,
          item,
          'reject',
          { at: now, actorRole: 'staff', actor: context.openid, kind: 'rejected', text: reason },
          {
            closedAt: now,
            ...firstResponse(item, now),
          },
        )
      },
      (updated, { now }) => noticeProgress(context.cloud, updated, '未受理', reason, now),
    ),
})

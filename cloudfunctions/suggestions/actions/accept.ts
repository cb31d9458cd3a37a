import { checkText } from '../../shared/contentCheck'
import { defineAction } from '../../shared/router'
import { docId, input, text } from '../../shared/validation'
import { applyMove, firstResponse } from '../lib/lifecycle'
import { runMove } from '../lib/moveAction'
import { noticeProgress } from '../lib/notices'

/** 受理: staff take the matter on with a first reply to the reporter. */
export const accept = defineAction({
  input: input({ id: docId('建议'), reply: text('回复', { max: 200 }) }),
  run: ({ id, reply }, context) =>
    runMove(
      context,
      id,
      'accept',
      async ({ db, item, now }) => {
        await checkText(context.cloud, context.openid, reply, 2)
        return applyMove(
          db,
          item,
          'accept',
          { at: now, actorRole: 'staff', actor: context.openid, kind: 'accepted', text: reply },
          firstResponse(item, now),
        )
      },
      (updated, { now }) => noticeProgress(context.cloud, updated, '已受理', reply, now),
    ),
})

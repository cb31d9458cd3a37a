import { checkText } from '../../shared/contentCheck'
import { defineAction } from '../../shared/router'
import { docId, input, text } from '../../shared/validation'
import { applyMove } from '../lib/lifecycle'
import { runMove } from '../lib/moveAction'
import { noticeAssigned } from '../lib/notices'

/** 重开: the reporter says it is not solved; it goes back to the same handler and is counted. */
export const reopen = defineAction({
  input: input({ id: docId('建议'), reason: text('没有解决的原因', { max: 200 }) }),
  run: ({ id, reason }, context) =>
    runMove(
      context,
      id,
      'reopen',
      async ({ db, item, now }) => {
        await checkText(context.cloud, context.openid, reason, 2)
        return applyMove(
          db,
          item,
          'reopen',
          { at: now, actorRole: 'reporter', actor: context.openid, kind: 'reopened', text: reason },
          { reopenCount: item.reopenCount + 1 },
        )
      },
      (updated) =>
        updated.handlerOpenid && updated.dueAt
          ? noticeAssigned(context.cloud, updated, updated.handlerOpenid, updated.dueAt)
          : Promise.resolve(),
    ),
})

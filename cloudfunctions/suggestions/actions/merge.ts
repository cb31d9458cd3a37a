import { checkText } from '../../shared/contentCheck'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { docId, input, text } from '../../shared/validation'
import { loadSuggestion } from '../lib/access'
import { applyMove, firstResponse } from '../lib/lifecycle'
import { runMove } from '../lib/moveAction'
import { noticeProgress } from '../lib/notices'

/** 合并: a duplicate is folded into the item that carries the matter; its reporter is told where. */
export const merge = defineAction({
  input: input({
    id: docId('建议'),
    intoId: docId('合并到的建议'),
    note: text('说明', { max: 200 }).optional(),
  }),
  run: ({ id, intoId, note }, context) =>
    runMove(
      context,
      id,
      'merge',
      async ({ db, item, now }) => {
        if (intoId === id) throw new AppError('INVALID_ARGUMENT', '不能合并到自己')
        const target = await loadSuggestion(db, intoId)
        if (target.communityId !== item.communityId) {
          throw new AppError('INVALID_ARGUMENT', '只能合并到本社区的建议')
        }
        if (target.status === 'rejected' || target.status === 'merged') {
          throw new AppError('FAILED_PRECONDITION', '不能合并到已驳回或已合并的建议')
        }
        if (note) await checkText(context.cloud, context.openid, note, 2)
        const text = `与相同事项合并办理：${target.title}${note ? `。${note}` : ''}`
        return applyMove(
          db,
          item,
          'merge',
          { at: now, actorRole: 'staff', actor: context.openid, kind: 'merged', text },
          {
            mergedInto: target._id,
            closedAt: now,
            ...firstResponse(item, now),
          },
        )
      },
      (updated, { now }) =>
        noticeProgress(context.cloud, updated, '已合并', '与相同事项合并办理', now),
    ),
})

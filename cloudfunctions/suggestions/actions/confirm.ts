import { z } from 'zod'
import { checkText } from '../../shared/contentCheck'
import { defineAction } from '../../shared/router'
import { docId, input, text } from '../../shared/validation'
import { applyMove } from '../lib/lifecycle'
import { runMove } from '../lib/moveAction'

/** 确认: the reporter says it is solved and how satisfied they are. */
export const confirm = defineAction({
  input: input({
    id: docId('建议'),
    satisfaction: z
      .number({ error: '请选择满意度' })
      .int({ error: '满意度为 1 到 5 星' })
      .min(1, { error: '满意度为 1 到 5 星' })
      .max(5, { error: '满意度为 1 到 5 星' }),
    comment: text('评价', { max: 200 }).optional(),
  }),
  run: ({ id, satisfaction, comment }, context) =>
    runMove(context, id, 'confirm', async ({ db, item, now }) => {
      if (comment) await checkText(context.cloud, context.openid, comment, 2)
      return applyMove(
        db,
        item,
        'confirm',
        {
          at: now,
          actorRole: 'reporter',
          actor: context.openid,
          kind: 'confirmed',
          text: `满意度 ${satisfaction} 星${comment ? `：${comment}` : ''}`,
        },
        { closedAt: now, satisfaction },
      )
    }),
})

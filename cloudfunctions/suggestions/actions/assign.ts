import { z } from 'zod'
import type { HandlerRole } from '../../../typings/suggestions'
import { checkText } from '../../shared/contentCheck'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { dayKey, formatShanghai, endOfShanghaiDay } from '../../shared/time'
import { docId, input, text } from '../../shared/validation'
import { handlerCandidates } from '../lib/handlers'
import { applyMove } from '../lib/lifecycle'
import { runMove } from '../lib/moveAction'
import { noticeAssigned } from '../lib/notices'

const ROLE_WORDS: Record<HandlerRole, string> = {
  buildingHead: '楼栋长',
  gridWorker: '网格员',
  staff: '社区工作人员',
}

/** The longest a matter may be given: past that it is not a due date but a wish. */
const MAX_DAYS = 90

/** 派发: staff give the matter to a head, grid worker or staff member, with a due date. */
export const assign = defineAction({
  input: input({
    id: docId('建议'),
    handlerOpenid: docId('办理人'),
    dueDate: z
      .string({ error: '请选择办结期限' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '办结期限格式不正确', abort: true })
      .refine((day) => endOfShanghaiDay(day) !== null, { error: '办结期限不是有效的日期' }),
    note: text('派发说明', { max: 200 }).optional(),
  }),
  run: ({ id, handlerOpenid, dueDate, note }, context) =>
    runMove(
      context,
      id,
      'assign',
      async ({ db, item, now }) => {
        const dueAt = endOfShanghaiDay(dueDate)
        const today = dayKey(now)
        if (!dueAt || dueDate < today) {
          throw new AppError('INVALID_ARGUMENT', '办结期限不能早于今天')
        }
        if (dueAt.getTime() - now.getTime() > MAX_DAYS * 86_400_000) {
          throw new AppError('INVALID_ARGUMENT', `办结期限最长 ${MAX_DAYS} 天`)
        }
        const handler = (await handlerCandidates(db, item)).find((c) => c.openid === handlerOpenid)
        if (!handler) {
          throw new AppError('INVALID_ARGUMENT', '只能派给本楼楼栋长、本社区网格员或工作人员')
        }
        if (note) await checkText(context.cloud, context.openid, note, 2)
        const words = `派给${ROLE_WORDS[handler.role]}${handler.name}，${formatShanghai(dueAt, 'M月D日')}前办结`
        return applyMove(
          db,
          item,
          'assign',
          {
            at: now,
            actorRole: 'staff',
            actor: context.openid,
            kind: 'assigned',
            text: note ? `${words}。${note}` : words,
          },
          {
            handler: { openid: handler.openid, name: handler.name, role: handler.role },
            handlerOpenid: handler.openid,
            dueAt,
          },
        )
      },
      (updated) => noticeAssigned(context.cloud, updated, handlerOpenid, updated.dueAt!),
    ),
})

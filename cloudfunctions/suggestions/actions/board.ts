import { z } from 'zod'
import type { SuggestionsActions } from '../../../typings/suggestions'
import { AppError } from '../../shared/errors'
import { pagingInput } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { docId, input, oneOf } from '../../shared/validation'
import { CATEGORIES, STATUSES } from '../lib/categories'
import { summaryPage } from '../lib/listing'
import { SUGGESTIONS } from '../lib/model'
import { overdueWhere } from '../lib/views'

type Output = SuggestionsActions['board']['output']

/** The staff board: every matter of the community, filtered, newest first, with the total. */
export const board = defineAction({
  input: input({
    communityId: docId('社区'),
    filter: z
      .strictObject({
        status: oneOf('状态', STATUSES).optional(),
        category: oneOf('类别', CATEGORIES).optional(),
        buildingId: docId('楼栋').optional(),
        overdue: z.boolean({ error: '逾期筛选不正确' }).optional(),
      })
      .optional(),
    ...pagingInput,
  }),
  async run({ communityId, filter = {}, ...paging }, context): Promise<Output> {
    const db = context.cloud.database()
    const now = context.now()
    const where: Record<string, unknown> = { communityId }
    if (filter.category) where['category'] = filter.category
    if (filter.buildingId) where['buildingId'] = filter.buildingId
    if (filter.overdue) {
      // Overdue means still being handled after the due date.
      if (filter.status && filter.status !== 'assigned') {
        throw new AppError('INVALID_ARGUMENT', '只有办理中的建议会逾期')
      }
      Object.assign(where, overdueWhere(db, now))
    } else if (filter.status) {
      where['status'] = filter.status
    }
    const [page, { total }] = await Promise.all([
      summaryPage(db, where, paging, now),
      db.collection(SUGGESTIONS).where(where).count(),
    ])
    return { ...page, total }
  },
})

import type { Page } from '../../../typings/community'
import type { HelpRequestView } from '../../../typings/volunteers'
import { pageCursor, pageOf } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { docId, input, oneOf } from '../../shared/validation'
import { helpRequestView } from '../lib/help'
import { VOLUNTEER_COLLECTIONS, type HelpRequestDoc } from '../lib/model'

/** Staff see their community's requests for help, oldest open one first. */
export const listHelpRequests = defineAction({
  input: input({
    communityId: docId('社区'),
    status: oneOf('状态', ['open', 'converted', 'closed']).optional(),
    cursor: pageCursor().optional(),
  }),
  async run({ communityId, status = 'open', cursor }, context): Promise<Page<HelpRequestView>> {
    const db = context.cloud.database()
    const caller = await context.caller()
    const { rows, nextCursor } = await pageOf<HelpRequestDoc>(
      db,
      VOLUNTEER_COLLECTIONS.helpRequests,
      { communityId, status },
      'createdAt',
      { cursor },
      status === 'open' ? 'asc' : 'desc',
    )
    return { items: rows.map((r) => helpRequestView(caller, r)), nextCursor }
  },
})

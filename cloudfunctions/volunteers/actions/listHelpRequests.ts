import type { Page } from '../../../typings/community'
import type { HelpRequestView } from '../../../typings/volunteers'
import { loadCaller, requireStaffOf } from '../../shared/caller'
import { defineAction } from '../../shared/router'
import { docId, input, oneOf } from '../../shared/validation'
import { timeCursor } from '../lib/fields'
import { helpRequestView } from '../lib/help'
import { VOLUNTEER_COLLECTIONS, type HelpRequestDoc } from '../lib/model'
import { afterCursor, pageOf } from '../lib/pages'

const PAGE = 20

/** Staff see their community's requests for help, oldest open one first. */
export const listHelpRequests = defineAction({
  input: input({
    communityId: docId('社区'),
    status: oneOf('状态', ['open', 'converted', 'closed']).optional(),
    cursor: timeCursor(),
  }),
  async run({ communityId, status = 'open', cursor }, context): Promise<Page<HelpRequestView>> {
    const db = context.cloud.database()
    const caller = await loadCaller(db, context.openid)
    requireStaffOf(caller, communityId)
    const order = status === 'open' ? 'asc' : 'desc'
    const { data } = await db
      .collection<HelpRequestDoc>(VOLUNTEER_COLLECTIONS.helpRequests)
      .where(afterCursor(db, { communityId, status }, 'createdAt', order, cursor))
      .orderBy('createdAt', order)
      .orderBy('_id', order)
      .limit(PAGE + 1)
      .get()
    const page = pageOf(data, PAGE, (r) => r.createdAt)
    return { items: page.items.map((r) => helpRequestView(caller, r)), nextCursor: page.nextCursor }
  },
})

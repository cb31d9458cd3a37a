import type { Page } from '../../../typings/community'
import type { WallItem } from '../../../typings/suggestions'
import { getCommunity } from '../../shared/lookups'
import { pagingInput } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { suggestionPage } from '../lib/listing'
import { toWallItem } from '../lib/views'

/** 民意墙: the community's resolved matters, for everyone, the reporter masked unless they chose otherwise. */
export const wall = defineAction({
  input: input({ communityId: docId('社区'), ...pagingInput }),
  async run({ communityId, ...paging }, context): Promise<Page<WallItem>> {
    const db = context.cloud.database()
    const [{ rows, nextCursor }] = await Promise.all([
      suggestionPage(
        db,
        { communityId, status: db.command['in']!(['resolved', 'closed']) },
        paging,
      ),
      getCommunity(db, communityId),
    ])
    return { items: rows.map(toWallItem), nextCursor }
  },
})

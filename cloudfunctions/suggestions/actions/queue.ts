import { pagingInput } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { summaryPage } from '../lib/listing'

/** The handler's queue: matters assigned to me that are still being handled or await confirmation. */
export const queue = defineAction({
  input: input(pagingInput),
  run(paging, context) {
    const db = context.cloud.database()
    return summaryPage(
      db,
      { handlerOpenid: context.openid, status: db.command['in']!(['assigned', 'resolved']) },
      paging,
      context.now(),
    )
  },
})

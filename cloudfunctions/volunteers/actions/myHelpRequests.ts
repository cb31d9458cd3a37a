import type { HelpRequestView } from '../../../typings/volunteers'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { helpRequestView } from '../lib/help'
import { VOLUNTEER_COLLECTIONS, type HelpRequestDoc } from '../lib/model'

/** My requests for help, newest first, with the project each became. */
export const myHelpRequests = defineAction({
  input: input({}),
  async run(_input, context): Promise<HelpRequestView[]> {
    const db = context.cloud.database()
    const [caller, { data }] = await Promise.all([
      context.caller(),
      db
        .collection<HelpRequestDoc>(VOLUNTEER_COLLECTIONS.helpRequests)
        .where({ openid: context.openid })
        .orderBy('createdAt', 'desc')
        .limit(20)
        .get(),
    ])
    return data.map((r) => helpRequestView(caller, r))
  },
})

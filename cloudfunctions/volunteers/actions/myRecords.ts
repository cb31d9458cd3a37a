import type { Page } from '../../../typings/community'
import type { ServiceRecord, Totals } from '../../../typings/volunteers'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { timeCursor } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type SignupDoc } from '../lib/model'
import { afterCursor, pageOf } from '../lib/pages'
import { serviceTotals } from '../lib/totals'
import { serviceRecord, teamNames } from '../lib/views'

const PAGE = 20

/** 我的服务记录: confirmed service, latest first, with my totals. */
export const myRecords = defineAction({
  input: input({ cursor: timeCursor() }),
  async run({ cursor }, context): Promise<Page<ServiceRecord> & { totals: Totals }> {
    const db = context.cloud.database()
    const base = { openid: context.openid, hoursStatus: 'confirmed' }
    const [{ data }, totals] = await Promise.all([
      db
        .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
        .where(afterCursor(db, base, 'startAt', 'desc', cursor))
        .orderBy('startAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(PAGE + 1)
        .get(),
      serviceTotals(db, { openid: context.openid }),
    ])
    const page = pageOf(data, PAGE, (s) => s.startAt)
    const names = await teamNames(
      db,
      page.items.map((s) => s.teamId),
    )
    return {
      items: page.items.map((s) =>
        serviceRecord(s, s.teamId ? (names.get(s.teamId) ?? null) : null),
      ),
      nextCursor: page.nextCursor,
      totals,
    }
  },
})

import type { Page } from '../../../typings/community'
import type { ServiceRecord, Totals } from '../../../typings/volunteers'
import { pageCursor, pageOf } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { VOLUNTEER_COLLECTIONS, type SignupDoc } from '../lib/model'
import { serviceTotals } from '../lib/totals'
import { serviceRecord, teamNames } from '../lib/views'

/** 我的服务记录: confirmed service, latest first, with my totals. */
export const myRecords = defineAction({
  input: input({ cursor: pageCursor().optional() }),
  async run({ cursor }, context): Promise<Page<ServiceRecord> & { totals: Totals }> {
    const db = context.cloud.database()
    const base = { openid: context.openid, hoursStatus: 'confirmed' }
    const [{ rows, nextCursor }, totals] = await Promise.all([
      pageOf<SignupDoc>(db, VOLUNTEER_COLLECTIONS.signups, base, 'startAt', { cursor }),
      serviceTotals(db, { openid: context.openid }),
    ])
    const names = await teamNames(
      db,
      rows.map((s) => s.teamId),
    )
    return {
      items: rows.map((s) => serviceRecord(s, s.teamId ? (names.get(s.teamId) ?? null) : null)),
      nextCursor,
      totals,
    }
  },
})

import { z } from 'zod'
import type { ArrearsView } from '../../../typings/fees'
import { defineAction } from '../../shared/router'
import { pageSize } from '../../shared/pagination'
import { docId, input } from '../../shared/validation'
import { buildingAccess } from '../lib/access'
import { buildingArrears } from '../lib/arrears'
import { loadPlan, nowMonthOf } from '../lib/plan'

/**
 * 欠费: households with unpaid periods that have started, by floor and room, with how many
 * residents a reminder reaches and whether they were reminded today. For heads and staff.
 */
export const arrears = defineAction({
  input: input({
    buildingId: docId('楼栋'),
    cursor: z
      .string()
      .regex(/^\d{1,5}$/, { error: '翻页位置不正确' })
      .optional(),
    pageSize: pageSize().optional(),
  }),
  async run({ buildingId, cursor, pageSize: size = 50 }, context): Promise<ArrearsView> {
    const db = context.cloud.database()
    const access = await buildingAccess(db, context, buildingId)
    const now = context.now()
    const plan = await loadPlan(db, buildingId)
    const rows = await buildingArrears(db, buildingId, plan?.versions ?? [], nowMonthOf(now), now)
    const offset = Number(cursor ?? 0)
    return {
      buildingId,
      buildingName: access.buildingName,
      items: rows.slice(offset, offset + size),
      totals: {
        households: rows.length,
        periods: rows.reduce((sum, r) => sum + r.periods.length, 0),
        amountFen: rows.reduce((sum, r) => sum + r.amountFen, 0),
      },
      nextCursor: rows.length > offset + size ? String(offset + size) : null,
      canRemind: access.head,
    }
  },
})

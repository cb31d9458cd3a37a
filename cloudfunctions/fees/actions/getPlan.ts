import type { FeePlanView } from '../../../typings/fees'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { buildingAccess } from '../lib/access'
import { loadPlan, planView } from '../lib/plan'

/** A building's fee plan with every version; residents, heads and staff of the community may look. */
export const getPlan = defineAction({
  input: input({ buildingId: docId('楼栋') }),
  async run({ buildingId }, context): Promise<FeePlanView> {
    const db = context.cloud.database()
    const access = await buildingAccess(db, context, buildingId)
    const plan = await loadPlan(db, buildingId)
    return planView(access, plan?.versions ?? [], context.now())
  },
})

import { z } from 'zod'
import { appendAudit } from '../../shared/audit'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { ratingSettingsOf, saveRatingSettings, SETTINGS_COLLECTION } from '../lib/settings'

/** Staff set their community's 五星楼道 rule: the minimum average (3.0–5.0) and share of households (0–100%). */
export const configureFiveStar = defineAction({
  input: input({
    communityId: docId('社区'),
    minOverall: z
      .number({ error: '请填写最低平均星级' })
      .min(3, { error: '最低平均星级在 3.0 到 5.0 之间' })
      .max(5, { error: '最低平均星级在 3.0 到 5.0 之间' })
      .refine(
        (n) => Number.isInteger(Math.round(n * 10)) && Math.abs(n * 10 - Math.round(n * 10)) < 1e-9,
        {
          error: '最低平均星级精确到 0.1',
        },
      ),
    minSharePercent: z
      .number({ error: '请填写最低参评比例' })
      .int({ error: '参评比例为 0 到 100 的整数' })
      .min(0, { error: '参评比例为 0 到 100 的整数' })
      .max(100, { error: '参评比例为 0 到 100 的整数' }),
  }),
  async run({ communityId, minOverall, minSharePercent }, context) {
    const db = context.cloud.database()
    const before = (await ratingSettingsOf(db, communityId)).rule
    const rule = { minOverallTenths: Math.round(minOverall * 10), minSharePercent }
    await saveRatingSettings(db, communityId, { rule }, context.openid, context.now())
    await appendAudit(db, {
      actor: context.openid,
      action: 'ratings.configureFiveStar',
      target: { collection: SETTINGS_COLLECTION, id: communityId },
      communityId,
      before,
      after: rule,
    })
    return { minOverall: rule.minOverallTenths / 10, minSharePercent }
  },
})

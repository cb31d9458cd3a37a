/**
 * The one place a deployment is configured: jinlin.config.json at the repository root (not
 * committed; jinlin.config.example.json shows every field). docs/deploy.md explains each.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { z } from 'zod'
import { FEE_MAX_AMOUNT_ENV } from '../../cloudfunctions/fees/lib/limits'
import { QUOTA_ENV } from '../../cloudfunctions/shared/config'
import {
  SUBSCRIBE_TEMPLATES,
  templateEnvName,
} from '../../cloudfunctions/shared/subscribeTemplates'

export const CONFIG_FILE = 'jinlin.config.json'
export const EXAMPLE_CONFIG_FILE = 'jinlin.config.example.json'

export const deployConfigSchema = z.object({
  $comment: z.string().optional(),
  appid: z.string().regex(/^wx[0-9a-f]{16}$/, { error: 'appid 应为 wx 开头的 18 位小程序 AppID' }),
  envId: z.string().regex(/^[a-z0-9-]{4,60}$/, { error: 'envId 应为云开发环境 ID' }),
  adminOpenids: z.array(z.string().regex(/^[A-Za-z0-9_-]{6,64}$/)).default([]),
  contentCheck: z.boolean().default(true),
  /** Subscribe-message template id per message key (e.g. suggestionProgress). */
  subscribeTemplates: z.partialRecord(z.enum(SUBSCRIBE_TEMPLATES), z.string().min(10)).default({}),
  /** Daily quotas against flooding, per kind (cloudfunctions/shared/quota.ts has the defaults). */
  quotas: z
    .partialRecord(
      z.enum(['suggestions', 'ratings', 'helpRequests', 'uploads', 'bindings']),
      z.strictObject({
        perUserPerDay: z.number().int().min(1).max(100_000).optional(),
        perCommunityPerDay: z.number().int().min(1).max(1_000_000).nullable().optional(),
      }),
    )
    .default({}),
  limits: z
    .object({
      functionTimeoutSeconds: z.number().int().min(3).max(60).default(10),
      /** The largest single receipt or expense, in fen; ¥50,000.00 when absent. */
      feeMaxAmountFen: z
        .number()
        .int({ error: 'feeMaxAmountFen 应为整数（分）' })
        .min(100, { error: 'feeMaxAmountFen 至少 100 分' })
        .max(100_000_000, { error: 'feeMaxAmountFen 最多 100000000 分' })
        .optional(),
    })
    .default({ functionTimeoutSeconds: 10 }),
})

export type DeployConfig = z.infer<typeof deployConfigSchema>

/** Reads and validates the configuration, naming every missing or wrong field. */
export function loadDeployConfig(root: string, file = CONFIG_FILE): DeployConfig {
  const full = path.join(root, file)
  if (!fs.existsSync(full))
    throw new Error(
      `${file} not found: copy ${EXAMPLE_CONFIG_FILE} to ${CONFIG_FILE} and fill it in`,
    )
  const result = deployConfigSchema.safeParse(JSON.parse(fs.readFileSync(full, 'utf8')))
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    )
    throw new Error(`${file} is not valid:\n${problems.join('\n')}`)
  }
  return result.data
}

/** What every function gets as environment variables (read by cloudfunctions/shared/config.ts). */
export function functionEnvironment(config: DeployConfig): Record<string, string> {
  const env: Record<string, string> = {
    JINLIN_ADMIN_OPENIDS: config.adminOpenids.join(','),
    JINLIN_CONTENT_CHECK: config.contentCheck ? 'on' : 'off',
  }
  for (const template of SUBSCRIBE_TEMPLATES) {
    const templateId = config.subscribeTemplates[template]
    if (templateId) env[templateEnvName(template)] = templateId
  }
  if (Object.keys(config.quotas).length > 0) env[QUOTA_ENV] = JSON.stringify(config.quotas)
  if (config.limits.feeMaxAmountFen !== undefined) {
    env[FEE_MAX_AMOUNT_ENV] = String(config.limits.feeMaxAmountFen)
  }
  return env
}

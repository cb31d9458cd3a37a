/**
 * A function's configuration: environment variables that `npm run deploy` sets from
 * jinlin.config.json (docs/deploy.md). Read on every invocation, so a change in the console
 * takes effect without a redeploy.
 */
export const CONFIG_ENV = {
  adminOpenids: 'JINLIN_ADMIN_OPENIDS',
  contentCheck: 'JINLIN_CONTENT_CHECK',
} as const

/** jinlin.config.json `quotas` as JSON: each quota's limits that differ from the defaults (quota.ts). */
export const QUOTA_ENV = 'JINLIN_QUOTAS'

export interface RuntimeConfig {
  /** Deployment admins: staff of every community, able to create communities. */
  adminOpenids: Set<string>
  /** msgSecCheck on user text others will read; on unless explicitly off. */
  contentCheck: boolean
}

export function readRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  return {
    adminOpenids: new Set(
      (env[CONFIG_ENV.adminOpenids] ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
    contentCheck: env[CONFIG_ENV.contentCheck] !== 'off',
  }
}

/** The variables of `required` that are missing or empty. */
export function missingConfig(
  required: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  return required.filter((name) => !env[name])
}

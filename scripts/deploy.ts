/**
 * `npm run deploy -- --env <envId> [--dry-run]`: builds, then deploys the functions, collections,
 * security rules and indexes. Refuses with uncommitted changes or a failing build.
 */
import { execFileSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { build } from './build'
import { ROOT } from './build/paths'
import { applyPlan } from './deploy/apply'
import { EXAMPLE_CONFIG_FILE, loadDeployConfig } from './deploy/deployConfig'
import { buildPlan, describePlan } from './deploy/plan'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      env: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      config: { type: 'string' },
    },
  })
  const dryRun = values['dry-run']
  const dirty = execFileSync('git', ['status', '--porcelain'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim()
  if (dirty && !dryRun) throw new Error(`refusing to deploy uncommitted changes:\n${dirty}`)
  const config = loadDeployConfig(ROOT, values.config ?? (dryRun ? pickDryRunConfig() : undefined))
  if (values.env) config.envId = values.env
  // A failing build throws here, before anything is touched.
  await build()
  const plan = buildPlan(ROOT, config)
  console.log(describePlan(plan))
  if (dryRun) {
    console.log(
      `\n（--dry-run：以上是完整计划，没有连接云端，什么也没有改动${dirty ? '；注意：工作区有未提交的改动，正式部署会拒绝' : ''}）`,
    )
    return
  }
  await applyPlan(ROOT, plan, (line) => console.log(line))
  console.log('\n部署完成。用微信开发者工具上传小程序代码（见 docs/deploy.md）。')
}

/** A dry run works before jinlin.config.json exists, from the example. */
function pickDryRunConfig(): string | undefined {
  try {
    loadDeployConfig(ROOT)
    return undefined
  } catch {
    return EXAMPLE_CONFIG_FILE
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

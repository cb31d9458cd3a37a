/** npm run deploy: the plan a --dry-run prints, and the configuration it rests on. */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  deployConfigSchema,
  functionEnvironment,
  loadDeployConfig,
} from '../../scripts/deploy/deployConfig'
import { buildPlan, describePlan } from '../../scripts/deploy/plan'

const ROOT = path.resolve(__dirname, '../..')
const config = loadDeployConfig(ROOT, 'jinlin.config.example.json')

describe('deploy plan', () => {
  const plan = buildPlan(ROOT, { ...config, adminOpenids: ['oAdmin1', 'oAdmin2'] })
  const text = describePlan(plan)

  it('lists every built function with its environment, timeout and openapi permissions', () => {
    const built = fs.readdirSync(path.join(ROOT, 'dist/cloudfunctions')).sort()
    expect(plan.functions.map((f) => f.name)).toEqual(built)
    for (const name of built) expect(text).toContain(`  ${name}  超时`)
    expect(plan.functions.find((f) => f.name === 'community')!.envVariables).toMatchObject({
      JINLIN_ADMIN_OPENIDS: 'oAdmin1,oAdmin2',
    })
  })

  it('lists every collection of database/ with its rule and every index', () => {
    const files = fs.readdirSync(path.join(ROOT, 'database')).filter((f) => f.endsWith('.json'))
    expect(plan.collections).toHaveLength(files.length)
    for (const file of files) {
      const declaration = JSON.parse(fs.readFileSync(path.join(ROOT, 'database', file), 'utf8'))
      expect(text).toContain(`  ${declaration.name}  安全规则 ${JSON.stringify(declaration.rule)}`)
      for (const index of declaration.indexes ?? [])
        expect(text).toContain(`索引 ${index.name}${index.unique ? '（唯一）' : ''}:`)
    }
  })
})

describe('deploy configuration', () => {
  it('names every field that is missing or wrong', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-config-'))
    fs.writeFileSync(
      path.join(dir, 'jinlin.config.json'),
      JSON.stringify({ appid: 'not-an-appid', contentCheck: 'yes' }),
    )
    expect(() => loadDeployConfig(dir)).toThrow(
      /appid: appid 应为 wx 开头[\s\S]*envId[\s\S]*contentCheck/,
    )
    expect(() => loadDeployConfig(path.join(dir, 'none'))).toThrow(
      'copy jinlin.config.example.json',
    )
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('passes subscribe-message templates and switches to the functions as environment variables', () => {
    const parsed = deployConfigSchema.parse({
      ...config,
      contentCheck: false,
      subscribeTemplates: { suggestionProgress: 'TPL-aaaaaaaaaa' },
      quotas: {},
    })
    expect(functionEnvironment(parsed)).toEqual({
      JINLIN_ADMIN_OPENIDS: '',
      JINLIN_CONTENT_CHECK: 'off',
      JINLIN_TEMPLATE_SUGGESTION_PROGRESS: 'TPL-aaaaaaaaaa',
    })
  })

  it('passes the daily quotas that differ from the defaults, as JSON', () => {
    const parsed = deployConfigSchema.parse({
      ...config,
      quotas: { suggestions: { perUserPerDay: 5 }, uploads: { perCommunityPerDay: null } },
    })
    expect(JSON.parse(functionEnvironment(parsed)['JINLIN_QUOTAS']!)).toEqual({
      suggestions: { perUserPerDay: 5 },
      uploads: { perCommunityPerDay: null },
    })
    expect(() =>
      deployConfigSchema.parse({ ...config, quotas: { suggestions: { perUserPerDay: 0 } } }),
    ).toThrow()
  })

  it('passes the largest amount a fee entry may have, when set', () => {
    const parsed = deployConfigSchema.parse({
      ...config,
      limits: { functionTimeoutSeconds: 10, feeMaxAmountFen: 2_000_000 },
    })
    expect(functionEnvironment(parsed)).toMatchObject({ JINLIN_FEE_MAX_AMOUNT_FEN: '2000000' })
    expect(() =>
      deployConfigSchema.parse({ ...config, limits: { feeMaxAmountFen: 12.5 } }),
    ).toThrow(/feeMaxAmountFen 应为整数/)
  })
})

/** What a deploy does, computed from the build, database/ and the configuration: printed by --dry-run. */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { functionEnvironment, type DeployConfig } from './deployConfig'

export interface FunctionPlan {
  name: string
  timeout: number
  runtime: string
  envVariables: Record<string, string>
  triggers: Array<{ name: string; type: string; config: string }>
  openapi: string[]
}

export interface CollectionPlan {
  name: string
  rule: Record<string, unknown>
  ruleReason: string
  indexes: Array<{ name: string; keys: Record<string, 1 | -1>; unique: boolean }>
}

export interface DeployPlan {
  envId: string
  functions: FunctionPlan[]
  collections: CollectionPlan[]
}

/** The cloud's Node.js runtime our bundles target (esbuild target node16). */
export const FUNCTION_RUNTIME = 'Nodejs16.13'

interface FunctionConfigFile {
  timeout?: number
  triggers?: Array<{ name: string; type: string; config: string }>
  permissions?: { openapi?: string[] }
}

export function buildPlan(root: string, config: DeployConfig): DeployPlan {
  const functionsDir = path.join(root, 'dist/cloudfunctions')
  const env = functionEnvironment(config)
  const functions = fs
    .readdirSync(functionsDir)
    .sort()
    .map((name): FunctionPlan => {
      const file = JSON.parse(
        fs.readFileSync(path.join(functionsDir, name, 'config.json'), 'utf8'),
      ) as FunctionConfigFile
      return {
        name,
        timeout: file.timeout ?? config.limits.functionTimeoutSeconds,
        runtime: FUNCTION_RUNTIME,
        envVariables: env,
        triggers: file.triggers ?? [],
        openapi: file.permissions?.openapi ?? [],
      }
    })
  const databaseDir = path.join(root, 'database')
  const collections = fs
    .readdirSync(databaseDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file): CollectionPlan => {
      const declaration = JSON.parse(fs.readFileSync(path.join(databaseDir, file), 'utf8')) as {
        name: string
        rule?: Record<string, unknown>
        ruleReason?: string
        indexes?: Array<{ name: string; keys: Record<string, 1 | -1>; unique?: boolean }>
      }
      if (!declaration.rule || !declaration.ruleReason)
        throw new Error(`database/${file}: every collection needs a rule and its reason`)
      return {
        name: declaration.name,
        rule: declaration.rule,
        ruleReason: declaration.ruleReason,
        indexes: (declaration.indexes ?? []).map((index) => ({
          ...index,
          unique: index.unique === true,
        })),
      }
    })
  return { envId: config.envId, functions, collections }
}

export function describePlan(plan: DeployPlan): string {
  const lines = [
    `部署到云开发环境 ${plan.envId}：`,
    '',
    `云函数（${plan.functions.length}，运行时 ${FUNCTION_RUNTIME}，云端安装依赖）：`,
  ]
  for (const fn of plan.functions) {
    lines.push(
      `  ${fn.name}  超时 ${fn.timeout} s  环境变量 ${Object.keys(fn.envVariables).join(', ')}`,
    )
    for (const trigger of fn.triggers)
      lines.push(`    定时触发器 ${trigger.name}: ${trigger.config}`)
    if (fn.openapi.length) lines.push(`    开放接口权限: ${fn.openapi.join(', ')}`)
  }
  lines.push('', `数据库集合（${plan.collections.length}，不存在则创建）：`)
  for (const collection of plan.collections) {
    lines.push(
      `  ${collection.name}  安全规则 ${JSON.stringify(collection.rule)}（${collection.ruleReason}）`,
    )
    for (const index of collection.indexes) {
      const keys = Object.entries(index.keys).map(
        ([field, direction]) => `${field} ${direction === 1 ? '↑' : '↓'}`,
      )
      lines.push(`    索引 ${index.name}${index.unique ? '（唯一）' : ''}: ${keys.join(', ')}`)
    }
  }
  return lines.join('\n')
}

/**
 * The `action` router every domain function is built on: parse the event, find the action,
 * validate its whole input, check who is calling, run it, and answer the envelope
 * (docs/architecture.md「约定：返回格式与错误码」).
 */
import type { z } from 'zod'
import type { Envelope } from '../../typings/envelope'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../typings'
import { loadCaller, type Caller } from './caller'
import { getCloud, type Cloud } from './cloud'
import { missingConfig } from './config'
import { AppError, isAppError } from './errors'
import {
  grantsHeld,
  isTimerOnly,
  needsCaller,
  needsScope,
  NOWHERE,
  type Policy,
  type Rule,
  type Target,
} from './policy'
import { parseInput } from './validation'

export interface ActionContext {
  /** From `getWXContext().OPENID` only, never from the event. Null for timers. */
  openid: string | null
  appid: string | null
  cloud: Cloud
  /** The clock; tests inject one to move time. */
  now: () => Date
}

/** A signed-in caller's context. */
export type UserContext = ActionContext & {
  openid: string
  /** The caller's roles and homes, read once per invocation whoever asks. */
  caller: () => Promise<Caller>
  /** Where the action acts, as the policy found it (null when its rule needs no target). */
  target: Target | null
}

/**
 * Who may invoke an action: `user` a WeChat user (the default), `timer` only its timer trigger,
 * `any` either (health checks).
 */
export type CallerKind = 'user' | 'timer' | 'any'

export interface ActionDefinition<I, O, C extends CallerKind = CallerKind> {
  input: z.ZodType<I>
  caller?: C
  run(input: I, context: C extends 'user' ? UserContext : ActionContext): Promise<O>
}

export function defineAction<I, O>(
  definition: ActionDefinition<I, O, 'user'>,
): ActionDefinition<I, O, 'user'>
export function defineAction<I, O, C extends CallerKind>(
  definition: ActionDefinition<I, O, C> & { caller: C },
): ActionDefinition<I, O, C>
export function defineAction<I, O>(definition: ActionDefinition<I, O>): ActionDefinition<I, O> {
  return definition
}

/** Every action a function declares in typings/, with exactly the declared input and output. */
export type ActionMap<F extends FunctionName> = {
  [A in ActionName<F>]: ActionDefinition<ActionInput<F, A>, ActionOutput<F, A>, CallerKind>
}

export interface RouterOptions {
  cloud?: () => Cloud
  now?: () => Date
  /** Environment variables the function cannot work without (template ids, …): checked on every call. */
  requiredEnv?: readonly string[]
}

/** Fields the platform adds to an event; never trusted, never part of an action's input. */
const PLATFORM_FIELDS = new Set(['action', 'userInfo', 'Type', 'TriggerName', 'Time'])

interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
}

function isTimerEvent(
  event: Record<string, unknown>,
): event is Record<string, unknown> & TimerEvent {
  return event['Type'] === 'Timer' && typeof event['TriggerName'] === 'string'
}

export function createRouter<F extends FunctionName>(
  functionName: F,
  actions: ActionMap<F>,
  policy: Policy<F>,
  options: RouterOptions = {},
) {
  const table = actions as Record<string, ActionDefinition<unknown, unknown>>
  const rules = policy as Record<string, Rule<unknown>>
  requireAgreement(functionName, table, rules)
  const cloudOf = options.cloud ?? getCloud
  const now = options.now ?? (() => new Date())

  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      const missing = missingConfig(options.requiredEnv ?? [])
      if (missing.length > 0) {
        console.error(
          `[${functionName}] configuration missing: ${missing.join(', ')} (see docs/deploy.md)`,
        )
        throw new AppError(
          'INTERNAL',
          `服务配置不完整（缺少 ${missing.join('、')}），请联系社区管理员`,
        )
      }
      if (typeof event !== 'object' || event === null || Array.isArray(event)) {
        throw new AppError('INVALID_ARGUMENT', '请求格式不正确')
      }
      const fields = event as Record<string, unknown>
      const cloud = cloudOf()
      const wx = cloud.wxContext()
      const openid = wx.OPENID ? String(wx.OPENID) : null
      // A timer event comes from the platform, which sends no OPENID with it: a user who sends
      // one is not routed by its trigger name.
      const timer = isTimerEvent(fields)
      if (timer && openid) throw new AppError('PERMISSION_DENIED', '这项操作只能由系统定时执行')
      const name = timer ? fields.TriggerName : fields['action']
      if (typeof name !== 'string' || name === '') {
        throw new AppError('INVALID_ARGUMENT', '请求缺少要执行的操作', [
          { field: 'action', message: '缺少操作名称' },
        ])
      }
      const definition = Object.hasOwn(table, name) ? table[name] : undefined
      const rule = Object.hasOwn(rules, name) ? rules[name] : undefined
      if (!definition || !rule) {
        throw new AppError('INVALID_ARGUMENT', '不支持这项操作', [
          { field: 'action', message: `未知的操作：${name.slice(0, 40)}` },
        ])
      }
      const timerOnly = isTimerOnly(rule as Rule<never>)
      if (timerOnly !== timer) {
        throw new AppError('PERMISSION_DENIED', timer ? undefined : '这项操作只能由系统定时执行')
      }
      if (!openid && !timer && !rule.allow.includes('anyone')) {
        throw new AppError('UNAUTHENTICATED')
      }

      const input = parseInput(definition.input, timer ? {} : withoutPlatformFields(fields))
      const context: ActionContext = {
        openid,
        appid: wx.APPID ? String(wx.APPID) : null,
        cloud,
        now,
      }
      if (openid) {
        let caller: Promise<Caller> | null = null
        const user = context as UserContext
        user.caller = () => (caller ??= loadCaller(cloud.database(), openid))
        user.target = await authorise(rule, input, user, cloud)
      }
      const data = await definition.run(input, context as UserContext)
      return { ok: true, data }
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.toBody() }
      // The stack stays in the function's log; the caller only learns that something failed.
      console.error(`[${functionName}] unexpected error`, error)
      return { ok: false, error: new AppError('INTERNAL').toBody() }
    }
  }
}

/**
 * The event less the platform's fields. Built with own properties only (fromEntries), so that a
 * `__proto__` key stays a key that the input schema refuses instead of becoming the prototype.
 */
function withoutPlatformFields(event: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(event).filter(([key]) => !PLATFORM_FIELDS.has(key)))
}

/**
 * Enforces the action's rule before it runs: finds the target its scope names (NOT_FOUND if
 * there is none) and refuses a caller who holds none of the rule's grants there, or who is the
 * subject of the request they would decide.
 */
async function authorise(
  rule: Rule<unknown>,
  input: unknown,
  context: UserContext,
  cloud: Cloud,
): Promise<Target | null> {
  if (!needsCaller(rule as Rule<never>)) return null
  // Both reads finish before an answer, even a refusal: an instance may be frozen once the
  // function answers (docs/architecture.md「平台事实：云函数的事件与超时」).
  const [read, found] = await Promise.allSettled([
    context.caller(),
    rule.scope ? rule.scope.resolve(cloud.database(), input, context.openid) : NOWHERE,
  ])
  if (found.status === 'rejected') throw found.reason
  if (read.status === 'rejected') throw read.reason
  const [caller, target] = [read.value, found.value]
  if (grantsHeld(caller, target, rule.allow).length === 0) {
    if (rule.hidden) throw new AppError('NOT_FOUND', rule.hidden)
    throw new AppError('PERMISSION_DENIED', rule.denied)
  }
  if (rule.notBySubject && target.subject === context.openid && !caller.isAdmin) {
    throw new AppError('PERMISSION_DENIED', rule.notBySubject)
  }
  return target
}

/** Every action has a rule and every rule an action; a timer action is timer-only in both. */
function requireAgreement(
  functionName: string,
  table: Record<string, ActionDefinition<unknown, unknown>>,
  rules: Record<string, Rule<unknown>>,
): void {
  for (const name of new Set([...Object.keys(table), ...Object.keys(rules)])) {
    const definition = table[name]
    const rule = rules[name]
    if (!definition || !rule) throw new Error(`${functionName}.${name}: action and policy disagree`)
    const timerOnly = isTimerOnly(rule as Rule<never>)
    if (timerOnly !== (definition.caller === 'timer'))
      throw new Error(`${functionName}.${name}: timer in the policy and the action disagree`)
    if (needsCaller(rule as Rule<never>) && needsScope(rule as Rule<never>) && !rule.scope)
      throw new Error(`${functionName}.${name}: a rule with place grants needs a scope`)
  }
}

/**
 * The `action` router every domain function is built on: parse the event, find the action,
 * validate its whole input, check who is calling, run it, and answer the envelope of ARCHITECTURE.md §4.
 */
import type { z } from 'zod'
import type { Envelope } from '../../typings/envelope'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../typings'
import { getCloud, type Cloud } from './cloud'
import { missingConfig } from './config'
import { AppError, isAppError } from './errors'
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
export type UserContext = ActionContext & { openid: string }

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
  options: RouterOptions = {},
) {
  const table = actions as Record<string, ActionDefinition<unknown, unknown>>
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
      const timer = isTimerEvent(fields)
      const name = timer ? fields.TriggerName : fields['action']
      if (typeof name !== 'string' || name === '') {
        throw new AppError('INVALID_ARGUMENT', '请求缺少要执行的操作', [
          { field: 'action', message: '缺少操作名称' },
        ])
      }
      const definition = Object.hasOwn(table, name) ? table[name] : undefined
      if (!definition) {
        throw new AppError('INVALID_ARGUMENT', '不支持这项操作', [
          { field: 'action', message: `未知的操作：${name.slice(0, 40)}` },
        ])
      }

      const cloud = cloudOf()
      const wx = cloud.wxContext()
      const openid = wx.OPENID ? String(wx.OPENID) : null
      const caller = definition.caller ?? 'user'
      if (caller === 'timer' && (!timer || openid)) {
        throw new AppError('PERMISSION_DENIED', '这项操作只能由系统定时执行')
      }
      if (caller === 'user' && !openid) {
        throw new AppError('UNAUTHENTICATED')
      }

      const input = parseInput(definition.input, timer ? {} : withoutPlatformFields(fields))
      const context: ActionContext = {
        openid,
        appid: wx.APPID ? String(wx.APPID) : null,
        cloud,
        now,
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

function withoutPlatformFields(event: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(event)) {
    if (!PLATFORM_FIELDS.has(key)) input[key] = value
  }
  return input
}

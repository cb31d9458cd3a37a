/**
 * The permission policy: who may call each action, and on what. Every function declares one
 * table (`<function>/policy.ts`) with a rule for each of its actions; the router enforces the
 * rule before the action runs, and docs/API.md is rendered from the same tables. A new role
 * (mediator, unit contact, street reader, …) is a new grant here and nowhere else.
 *
 * A rule lists grants. Three need no target: `anyone` (no identity at all), `timer` (only the
 * platform's timer trigger) and `user` (any WeChat user: the action works on the caller's own
 * data, or on what everyone may see). Every other grant is held *in the target's place*: the
 * rule's scope names the input field that points at the target (a community, a building, a
 * matter…) and how to find the target's community, building and household, and the people
 * who stand in a relation to it (the matter's reporter, the project's organiser).
 */
import type { ActionInput, ActionName, FunctionName } from '../../typings'
import type { Caller } from './caller'
import type { Database } from './cloud'

/** Grants held by a role in the target's place. */
export type PlaceGrant =
  /** A deployment admin (jinlin.config.json `adminOpenids`). */
  | 'admin'
  /** Staff of the target's community (admins count as staff everywhere). */
  | 'staff'
  /** A grid worker of the target's community. */
  | 'gridWorker'
  /** A head of the target's building. */
  | 'buildingHead'
  /** A resident (approved binding) of the target's building. */
  | 'resident'
  /** A resident of the target's household. */
  | 'household'
  /** A resident of any household of the target's community. */
  | 'communityResident'

/** Grants held by standing in a relation to the target record. */
export type RelationGrant =
  /** The person who asked (a binding, a help request). */
  | 'requester'
  /** The resident who raised a matter. */
  | 'reporter'
  /** The person a matter is assigned to. */
  | 'handler'
  /** The organiser of a volunteer project. */
  | 'organiser'
  /** The leader of a volunteer team (of the team, or of a team invited to the project). */
  | 'teamLeader'
  /** The person the target is (their own membership, signup or record). */
  | 'self'

export type Grant = 'anyone' | 'timer' | 'user' | PlaceGrant | RelationGrant

/** Where an action acts: found from its input before the action runs. */
export interface Target {
  communityId: string
  buildingId?: string | null
  householdId?: string | null
  relations?: Partial<Record<RelationGrant, readonly string[]>>
  /** The person a request is about: they may not decide it themselves. */
  subject?: string | null
}

export interface Scope<I> {
  /** How the target is named, in Chinese, for docs/API.md (「楼栋 buildingId」). */
  describe: string
  resolve(db: Database, input: I, openid: string): Promise<Target>
}

export interface Rule<I> {
  allow: readonly Grant[]
  /** Required when `allow` holds a place or relation grant. */
  scope?: Scope<I>
  /** The target's subject is refused with this message: no one decides their own request. */
  notBySubject?: string
  /** A refused caller is told NOT_FOUND (with this message), so that existence does not leak. */
  hidden?: string
  /** Said to a caller who holds none of the grants. */
  denied?: string
}

export type Policy<F extends FunctionName> = {
  [A in ActionName<F>]: Rule<ActionInput<F, A>>
}

export const GRANT_WORDS: Record<Grant, string> = {
  anyone: '任何人（无需登录）',
  timer: '仅系统定时触发器',
  user: '任何微信用户（只涉及本人或公开内容）',
  admin: '系统管理员',
  staff: '本社区工作人员',
  gridWorker: '本社区网格员',
  buildingHead: '本楼楼栋长',
  resident: '本楼住户',
  household: '本户住户',
  communityResident: '本社区住户',
  requester: '申请人本人',
  reporter: '提出人',
  handler: '办理人',
  organiser: '项目组织者',
  teamLeader: '服务队队长',
  self: '本人',
}

/** Grants decided without knowing where the action acts. */
const PLACELESS: ReadonlySet<Grant> = new Set(['anyone', 'timer', 'user', 'admin'])

/** Whether only the platform's timer trigger may run the action. */
export function isTimerOnly(rule: Rule<never>): boolean {
  return rule.allow.length === 1 && rule.allow[0] === 'timer'
}

/** Whether a rule needs a caller's roles to be decided (anything but anyone/timer/user). */
export function needsCaller(rule: Rule<never>): boolean {
  return !rule.allow.some((grant) => grant === 'anyone' || grant === 'timer' || grant === 'user')
}

/** Whether a rule needs a target (a scope) to be decided. */
export function needsScope(rule: Rule<never>): boolean {
  return rule.allow.some((grant) => !PLACELESS.has(grant))
}

/** Where an action without a scope acts: nowhere in particular (only admins hold grants there). */
export const NOWHERE: Target = { communityId: '' }

/** The grants of `allow` the caller holds in the target's place. */
export function grantsHeld(caller: Caller, target: Target, allow: readonly Grant[]): Grant[] {
  return allow.filter((grant) => holds(caller, target, grant))
}

function holds(caller: Caller, target: Target, grant: Grant): boolean {
  const roles = caller.user?.roles ?? []
  const inCommunity = (role: string) =>
    roles.some((r) => r.role === role && r.communityId === target.communityId)
  switch (grant) {
    case 'anyone':
    case 'user':
      return true
    case 'timer':
      return false
    case 'admin':
      return caller.isAdmin
    case 'staff':
      return caller.isAdmin || inCommunity('staff')
    case 'gridWorker':
      return inCommunity('gridWorker')
    case 'buildingHead':
      return Boolean(
        target.buildingId &&
        roles.some((r) => r.role === 'buildingHead' && r.buildingId === target.buildingId),
      )
    case 'resident':
      return Boolean(
        target.buildingId && caller.homes.some((h) => h.buildingId === target.buildingId),
      )
    case 'household':
      return Boolean(
        target.householdId && caller.homes.some((h) => h.householdId === target.householdId),
      )
    case 'communityResident':
      return caller.homes.some((h) => h.communityId === target.communityId)
    default:
      return target.relations?.[grant]?.includes(caller.openid) ?? false
  }
}

/**
 * What a call should answer, from the action's rule, the persona's declared grants and the
 * fixture's relations alone: `anyone` is every caller of the app, signed in or not; `user` every
 * persona with an openid; `timer` only the platform's timer, whose event reaches timer actions
 * only (a function's triggers are declared for those); every other grant is the persona's in this
 * place or a relation the fixture gave it.
 */
import { DEFAULT_MESSAGES } from '../../../cloudfunctions/shared/errors'
import type { Grant, PlaceGrant, Rule } from '../../../cloudfunctions/shared/policy'
import type { StateCode } from './fixtures/fixture'
import { PERSONAS, type Persona, type PersonaName } from './personas'

export type RuleWords = Pick<Rule<unknown>, 'allow' | 'notBySubject' | 'hidden' | 'denied'>

export interface CaseFixture {
  relations?: Partial<Record<Grant, readonly PersonaName[]>>
  subject?: PersonaName
  accepts?: readonly StateCode[]
  privacyGate?: true
}

export type Expected =
  | { allowed: true; privacyRefused: boolean; accepts: readonly StateCode[] }
  | { allowed: false; code: 'PERMISSION_DENIED' | 'UNAUTHENTICATED' | 'NOT_FOUND'; message: string }

export const TIMER_ONLY = '这项操作只能由系统定时执行'

const PLACE_GRANTS: ReadonlySet<Grant> = new Set<PlaceGrant>([
  'admin',
  'staff',
  'gridWorker',
  'buildingHead',
  'resident',
  'household',
  'communityResident',
])

function holds(name: PersonaName, grant: Grant, fixture: CaseFixture): boolean {
  const persona: Persona = PERSONAS[name]
  switch (grant) {
    case 'anyone':
      return !persona.timer
    case 'timer':
      return Boolean(persona.timer)
    case 'user':
      return persona.openid !== null
    default:
      if (persona.openid === null) return false
      if (PLACE_GRANTS.has(grant)) return persona.place.includes(grant as PlaceGrant)
      return fixture.relations?.[grant]?.includes(name) ?? false
  }
}

const refused = (code: 'PERMISSION_DENIED' | 'UNAUTHENTICATED' | 'NOT_FOUND', message?: string) =>
  ({ allowed: false, code, message: message ?? DEFAULT_MESSAGES[code] }) as const

export function expected(rule: RuleWords, name: PersonaName, fixture: CaseFixture): Expected {
  const persona: Persona = PERSONAS[name]
  const allowed = rule.allow.some((grant) => holds(name, grant, fixture))
  if (persona.timer && !allowed) return refused('PERMISSION_DENIED')
  if (!allowed && rule.allow.every((grant) => grant === 'timer'))
    return refused('PERMISSION_DENIED', TIMER_ONLY)
  if (!allowed && persona.openid === null) return refused('UNAUTHENTICATED')
  if (!allowed)
    return rule.hidden
      ? refused('NOT_FOUND', rule.hidden)
      : refused('PERMISSION_DENIED', rule.denied)
  if (rule.notBySubject && fixture.subject === name && !persona.place.includes('admin'))
    return refused('PERMISSION_DENIED', rule.notBySubject)
  return {
    allowed: true,
    privacyRefused: Boolean(fixture.privacyGate) && persona.openid !== null && !persona.agreed,
    accepts: fixture.accepts ?? [],
  }
}

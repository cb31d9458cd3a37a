/**
 * The permission matrix, generated from the policies: every function × every action × every
 * kind of caller, with a fresh valid input. A call is allowed exactly when the rule grants the
 * persona (by its declared place grants or the fixture's relations), and a refusal is the
 * rule's own words and changes nothing in the store.
 */
import { communityPolicy } from '../../../cloudfunctions/community/policy'
import { feesPolicy } from '../../../cloudfunctions/fees/policy'
import { healthPolicy } from '../../../cloudfunctions/health/policy'
import { ratingsPolicy } from '../../../cloudfunctions/ratings/policy'
import type { Policy } from '../../../cloudfunctions/shared/policy'
import { suggestionsPolicy } from '../../../cloudfunctions/suggestions/policy'
import { volunteersPolicy } from '../../../cloudfunctions/volunteers/policy'
import type { FunctionName } from '../../../typings'
import { expected, type CaseFixture, type RuleWords } from './expected'
import { communityFixtures } from './fixtures/community'
import { feesFixtures } from './fixtures/fees'
import type { FixtureContext, FunctionFixtures } from './fixtures/fixture'
import { healthFixtures } from './fixtures/health'
import { ratingsFixtures } from './fixtures/ratings'
import { suggestionsFixtures } from './fixtures/suggestions'
import { volunteersFixtures } from './fixtures/volunteers'
import { startMatrixCloud, type MatrixCloud } from './matrixCloud'
import { PERSONA_NAMES, PERSONAS, rememberPersonas, type PersonaName } from './personas'

interface CallFixture extends CaseFixture {
  label?: string
  input(context: FixtureContext): object | Promise<object>
}

interface Case {
  name: string
  persona: PersonaName
  action: string
  rule: RuleWords
  fixture: CallFixture
}

interface Suite {
  fn: FunctionName
  prepare?: (cloud: MatrixCloud) => void | Promise<void>
  cases: Case[]
}

function suite<F extends FunctionName>(fixtures: FunctionFixtures<F>, policy: Policy<F>): Suite {
  const rules = policy as Record<string, RuleWords>
  const actions = fixtures.actions as Record<string, CallFixture | readonly CallFixture[]>
  const missing = Object.keys(rules).filter((action) => !Object.hasOwn(actions, action))
  if (missing.length > 0) throw new Error(`${fixtures.fn}: no fixture for ${missing.join(', ')}`)
  const cases = Object.entries(actions).flatMap(([action, fixture]) =>
    (Array.isArray(fixture) ? fixture : [fixture]).flatMap((variant: CallFixture) =>
      PERSONA_NAMES.map((persona) => ({
        name: `${fixtures.fn}.${action}${variant.label ? ` (${variant.label})` : ''}`,
        persona,
        action,
        rule: rules[action]!,
        fixture: variant,
      })),
    ),
  )
  return { fn: fixtures.fn, ...(fixtures.prepare ? { prepare: fixtures.prepare } : {}), cases }
}

const SUITES: Suite[] = [
  suite(healthFixtures, healthPolicy),
  suite(communityFixtures, communityPolicy),
  suite(feesFixtures, feesPolicy),
  suite(ratingsFixtures, ratingsPolicy),
  suite(suggestionsFixtures, suggestionsPolicy),
  suite(volunteersFixtures, volunteersPolicy),
]

const CHINESE = /[\u4e00-\u9fa5]/

describe.each(SUITES)('$fn', ({ fn, prepare, cases }) => {
  let cloud: MatrixCloud
  let restorePersonas: () => void
  beforeAll(async () => {
    cloud = await startMatrixCloud()
    await prepare?.(cloud)
    restorePersonas = rememberPersonas(cloud.cloud)
  }, 60_000)
  afterAll(() => cloud.cloud.close())
  afterEach(() => restorePersonas())

  test.each(cases)('$name × $persona', async ({ persona, action, rule, fixture }) => {
    const openid = PERSONAS[persona].openid
    const input = await fixture.input({ cloud, caller: persona, openid })
    const before = cloud.digest()
    const answer = await cloud.call(persona, fn, action, input)
    const expectation = expected(rule, persona, fixture)
    if (!expectation.allowed) {
      expect(answer).toEqual({
        ok: false,
        error: { code: expectation.code, message: expectation.message },
      })
      expect(expectation.message).toMatch(CHINESE)
      expect(cloud.digest()).toBe(before)
    } else if (expectation.privacyRefused) {
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: 'FAILED_PRECONDITION',
          message: expect.stringMatching(CHINESE),
          details: [{ field: 'privacy' }],
        },
      })
      expect(cloud.digest()).toBe(before)
    } else if (!answer.ok && expectation.accepts.some((code) => code === answer.error.code)) {
      expect(answer.error.message).toMatch(CHINESE)
    } else {
      // The error itself, if any, is what a failure should show.
      expect(answer.ok ? 'ok' : answer.error).toBe('ok')
    }
  })
})

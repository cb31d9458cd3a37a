/**
 * Property-based fuzz of every action's input, for every function, as every kind of caller (see
 * checks.ts for what must hold, events.ts for what is sent). Each action runs FUZZ_RUNS cases
 * (30 by default, some 30 s in all) from a seed printed when a case fails.
 *
 *   FUZZ_SEED=<n>            the seed of a failed run (each action's seed is derived from it)
 *   FUZZ_RUNS=<n>            cases per action: a deep run takes 500 or more
 *   FUZZ_ONLY=<fn>[.<action>] only these actions
 *   FUZZ_PATH=<path>         with FUZZ_ONLY naming one action: replay fast-check's failing path
 *   FUZZ_STATS=1             print how each action answered (how deep the cases reach)
 *
 * e.g. FUZZ_SEED=42 FUZZ_ONLY=suggestions.submit npx jest tests/cloudfunctions/fuzz
 */
import fc from 'fast-check'
import { functionNames, loadActions, type FuzzAction } from './actionTables'
import { violationsOf, type Violation } from './checks'
import { fuzzCases, type FuzzCase } from './events'
import { CALLERS, startFuzzCloud, type FuzzCloud } from './fuzzCloud'
import { fieldOf, unreadParts } from './schemaModel'

const SEED = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31))
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 30)
const ONLY = process.env['FUZZ_ONLY']
const PATH = process.env['FUZZ_PATH']
const STATS = Boolean(process.env['FUZZ_STATS'])

const actions = loadActions().filter((a) => !ONLY || ONLY === a.fn || ONLY === `${a.fn}.${a.name}`)

/** A seed per action, so that one action's failure replays without running the others. */
function seedOf(action: FuzzAction): number {
  let hash = SEED
  for (const char of `${action.fn}.${action.name}`)
    hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0
  return hash
}

let cloud: FuzzCloud
/** `fn.action` → answer code ('ok' or the error's) → how many cases. */
const answers = new Map<string, Map<string, number>>()

beforeAll(async () => {
  cloud = await startFuzzCloud()
}, 60_000)
afterAll(async () => {
  await cloud?.cloud.close()
  if (STATS) {
    const lines = [...answers].map(
      ([action, codes]) =>
        `${action.padEnd(32)} ${[...codes].map(([code, n]) => `${code} ${n}`).join(', ')}`,
    )
    console.log(`fuzz: answers by action\n${lines.join('\n')}`)
  }
})

function describeViolation(v: Violation): string {
  const { property, ...rest } = v
  return `${property}: ${JSON.stringify(rest)}`
}

async function check(action: FuzzAction, fuzzCase: FuzzCase): Promise<void> {
  const openid = CALLERS[fuzzCase.caller]
  const outcome = await cloud.send(action.fn, fuzzCase.event, openid)
  if (STATS) {
    const key = `${action.fn}.${action.name}`
    const codes = answers.get(key) ?? new Map<string, number>()
    const answer = outcome.answer as { ok?: boolean; error?: { code?: string } } | undefined
    const code = outcome.thrown ? 'THROWN' : answer?.ok ? 'ok' : String(answer?.error?.code)
    codes.set(code, (codes.get(code) ?? 0) + 1)
    answers.set(key, codes)
  }
  const failures = violationsOf(action, fuzzCase, openid, outcome)
  if (failures.length > 0) {
    const answer = JSON.stringify(outcome.answer ?? outcome.thrown)
    throw new Error(
      `${failures.map(describeViolation).join('\n')}\nanswer: ${answer?.slice(0, 500)}`,
    )
  }
}

/** fast-check prints a counterexample whole: a 200,000-character string is shown as a run. */
function shorten(report: string): string {
  const runs = /(.{1,24}?)\1{20,}/g
  return report
    .split('\n')
    .map((line) =>
      line.startsWith('Counterexample')
        ? line.replace(runs, (run, unit: string) => `${unit}…(×${run.length / unit.length})`)
        : line,
    )
    .join('\n')
}

it('reads every action of every function, and what its input expects', () => {
  expect(new Set(loadActions().map((a) => a.fn))).toEqual(new Set(functionNames()))
  // A part of an input the fuzz cannot read is only sent random JSON: say so instead.
  const unread = actions.flatMap((a) => {
    const { model } = fieldOf(a.input)
    const name = `${a.fn}.${a.name}`
    return model.kind === 'object' ? unreadParts(model, name) : [`${name}: ${model.kind}`]
  })
  expect(unread).toEqual([])
})

describe.each([...new Set(actions.map((a) => a.fn))])('%s', (fn) => {
  it.each(actions.filter((a) => a.fn === fn).map((a) => [a.name, a] as const))(
    '%s: every input is answered, well-formed, in Chinese, never INTERNAL, and refused without a write',
    async (_name, action) => {
      const context = {
        fn,
        pool: cloud.ids,
        photos: cloud.photos,
        storagePrefix: cloud.storagePrefix,
      }
      const seed = seedOf(action)
      try {
        await fc.assert(
          fc.asyncProperty(fuzzCases(action, context), (c) => check(action, c)),
          { seed, numRuns: RUNS, ...(PATH && ONLY ? { path: PATH } : {}) },
        )
      } catch (error) {
        // fast-check's error names the seed and path; its cause is the failed case's own error
        // (what was violated, and the answer), which jest prints below it.
        if (error instanceof Error) {
          const replay = `FUZZ_SEED=${SEED} FUZZ_ONLY=${fn}.${action.name}`
          error.message = shorten(
            `${replay} replays this (fast-check's seed ${seed} is this action's own)\n${error.message}`,
          )
        }
        throw error
      }
    },
    // Only a bound for a hang (a function times out in 20 s at most), not a duration to meet.
    120_000 + RUNS * 1_000,
  )
})

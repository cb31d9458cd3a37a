/**
 * What must hold for every answer to every event: the call returns, the answer is the envelope
 * of docs/architecture.md「约定：返回格式与错误码」 with a message in Chinese, no error is INTERNAL, a refusal wrote
 * nothing, a poisoned string is never accepted, and only the platform runs timer actions.
 */
import { DEFAULT_MESSAGES } from '../../../cloudfunctions/shared/errors'
import type { FuzzAction } from './actionTables'
import { inputOf, type FuzzCase } from './events'
import type { Outcome } from './fuzzCloud'
import { poisonsIn, type Poison } from './poison'
import { fieldOf } from './schemaModel'

export type Violation =
  | { property: 'returns'; detail: string }
  | { property: 'envelope'; detail: string }
  | { property: 'notInternal'; message: string }
  | { property: 'chineseMessage'; detail: string }
  | { property: 'noWriteOnRefusal'; code: string }
  | { property: 'refusesPoison'; poison: Poison; by: 'schema' | 'function' }
  | { property: 'timerOnlyByPlatform'; detail: string }

const CODES = new Set(Object.keys(DEFAULT_MESSAGES))
const HAN = /\p{Script=Han}/u

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function keysAre(value: Record<string, unknown>, allowed: string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key))
}

/** Why `answer` is not a well-formed envelope, or null. */
function envelopeProblem(answer: unknown): string | null {
  if (!isRecord(answer)) return `the answer is not an object: ${String(answer)}`
  if (answer['ok'] === true) {
    return 'data' in answer && keysAre(answer, ['ok', 'data'])
      ? null
      : 'ok without exactly { ok, data }'
  }
  if (answer['ok'] !== false) return 'ok is neither true nor false'
  const error = answer['error']
  if (!keysAre(answer, ['ok', 'error']) || !isRecord(error))
    return 'refusal without exactly { ok, error }'
  if (!keysAre(error, ['code', 'message', 'details'])) return 'error has unknown fields'
  if (typeof error['code'] !== 'string' || !CODES.has(error['code']))
    return `unknown error code ${String(error['code'])}`
  if (typeof error['message'] !== 'string' || error['message'] === '')
    return 'error without a message'
  const details = error['details']
  if (details === undefined) return null
  if (!Array.isArray(details) || details.length === 0) return 'details is not a non-empty list'
  const bad = details.find(
    (d) =>
      !isRecord(d) ||
      typeof d['field'] !== 'string' ||
      typeof d['message'] !== 'string' ||
      !keysAre(d, ['field', 'message']),
  )
  return bad === undefined ? null : `a detail is not { field, message }: ${JSON.stringify(bad)}`
}

function isTimerEvent(event: unknown): boolean {
  return isRecord(event) && event['Type'] === 'Timer' && typeof event['TriggerName'] === 'string'
}

/** The poisoned strings of the input a case gives the action (none when it is not one). */
function poisonsOf(action: FuzzAction, fuzzCase: FuzzCase): Poison[] {
  const input = inputOf(action, fuzzCase.event)
  return input ? poisonsIn(input, fieldOf(action.input).model) : []
}

export function violationsOf(
  action: FuzzAction,
  fuzzCase: FuzzCase,
  openid: string,
  outcome: Outcome,
): Violation[] {
  const found: Violation[] = []
  const input = inputOf(action, fuzzCase.event)
  const poisons = poisonsOf(action, fuzzCase)
  // The schema alone, in this process: a poisoned string it takes is a hole whoever calls.
  if (input && poisons.length > 0 && action.input.safeParse(input).success) {
    found.push(
      ...poisons.map((poison) => ({
        property: 'refusesPoison' as const,
        poison,
        by: 'schema' as const,
      })),
    )
  }
  if (outcome.thrown !== undefined)
    return [...found, { property: 'returns', detail: outcome.thrown }]
  const answer = outcome.answer
  const problem = envelopeProblem(answer)
  if (problem) return [...found, { property: 'envelope', detail: problem }]
  const envelope = answer as { ok: true } | { ok: false; error: { code: string; message: string } }
  if (envelope.ok) {
    if (input)
      found.push(
        ...poisons.map((poison) => ({
          property: 'refusesPoison' as const,
          poison,
          by: 'function' as const,
        })),
      )
  } else {
    // Only the message is for the resident: a detail may carry a value (fees name the period).
    const { code, message } = envelope.error
    if (code === 'INTERNAL') found.push({ property: 'notInternal', message })
    if (!HAN.test(message)) found.push({ property: 'chineseMessage', detail: message })
    if (outcome.changedOnRefusal) found.push({ property: 'noWriteOnRefusal', code })
  }
  const code = envelope.ok ? 'ok' : envelope.error.code
  if (fuzzCase.kind === 'timer' && isTimerEvent(fuzzCase.event)) {
    // A user never runs anything by dressing a call as the timer; the platform (no OPENID) runs
    // only the timer actions so.
    if ((openid !== '' || !action.timer) && code !== 'PERMISSION_DENIED') {
      found.push({ property: 'timerOnlyByPlatform', detail: `a timer event answered ${code}` })
    }
  } else if (action.timer && input && code !== 'PERMISSION_DENIED') {
    found.push({ property: 'timerOnlyByPlatform', detail: `a user's call answered ${code}` })
  }
  return found
}

/**
 * The events sent to an action, of three kinds: any JSON at all (random keys, huge strings,
 * deep nesting), a plausible input (from the demo's records) with up to three of its fields
 * broken by what the schema says they are, and a client event dressed as the platform's timer.
 */
import fc from 'fast-check'
import type { FuzzAction } from './actionTables'
import { CALLERS, type CallerName } from './fuzzCloud'
import { inputFields, type Field, type Model } from './schemaModel'
import {
  boundaryNumbers,
  copy,
  defineOwn,
  nested,
  ownObject,
  poisonedStrings,
  PROTO_KEYS,
  validObject,
  validValue,
  WRONG_TYPED,
  type ValueContext,
} from './values'

export type CaseKind = 'json' | 'schema' | 'timer'

export interface FuzzCase {
  caller: CallerName
  kind: CaseKind
  event: unknown
}

/** Fields the platform adds to an event: the router drops them before validating the input. */
export const PLATFORM_FIELDS: ReadonlySet<string> = new Set([
  'action',
  'userInfo',
  'Type',
  'TriggerName',
  'Time',
])

type Path = ReadonlyArray<string | number>
interface Mutation {
  path: Path
  /** The key's new value (own, even `__proto__`), unless the key is removed. */
  value?: unknown
  remove?: true
}

/** Every place in an input a mutation can aim at: fields, nested fields, first array items. */
function targets(
  fields: Record<string, Field>,
  prefix: Path = [],
): Array<{ path: Path; model: Model }> {
  return Object.entries(fields).flatMap(([key, field]) => {
    const path = [...prefix, key]
    const here = [{ path, model: field.model }]
    const model = field.model
    if (model.kind === 'object') return [...here, ...targets(model.fields, path)]
    if (model.kind === 'array') {
      const item = { path: [...path, 0], model: model.element }
      const inner = model.element.kind === 'object' ? targets(model.element.fields, item.path) : []
      return [...here, item, ...inner]
    }
    return here
  })
}

function set(path: Path, value: unknown): Mutation {
  return { path, value }
}

function mutationsAt(path: Path, model: Model, context: ValueContext): fc.Arbitrary<Mutation> {
  const options: Array<fc.Arbitrary<Mutation>> = [
    fc.constantFrom(...WRONG_TYPED).map((value) => set(path, value)),
    fc.constantFrom(null, undefined).map((value) => set(path, value)),
    fc.constant({ path, remove: true as const }),
  ]
  if (model.kind === 'number') {
    options.push(fc.constantFrom(...boundaryNumbers(model)).map((value) => set(path, value)))
  }
  if (model.kind === 'string') {
    const count = poisonedStrings('', context.storagePrefix).length
    const poisoned = fc
      .tuple(
        validValue(model, String(path[path.length - 1]), context),
        fc.integer({ min: 0, max: count - 1 }),
      )
      .map(([valid, pick]) =>
        set(path, poisonedStrings(String(valid), context.storagePrefix)[pick]),
      )
    options.push(poisoned, poisoned, poisoned)
  }
  if (model.kind === 'object') {
    options.push(
      fc
        .tuple(
          fc.constantFrom(...PROTO_KEYS),
          fc.constantFrom<unknown>({}, { isAdmin: true }, 'x', null),
        )
        .map(([key, value]) => set([...path, key], value)),
      fc.constant(set([...path, 'unknownField'], 1)),
    )
  }
  if (model.kind === 'array') {
    options.push(
      fc.constant(
        set(
          path,
          Array.from({ length: 10_000 }, () => 'b-jiguang-3'),
        ),
      ),
      fc.constant(set(path, nested(50, 'x'))),
    )
  }
  return fc.oneof(...options)
}

/** Applies a mutation to the input (a copy of the generated one). */
function apply(input: Record<string, unknown>, mutation: Mutation): void {
  let node: Record<string | number, unknown> = input
  for (const [i, key] of mutation.path.slice(0, -1).entries()) {
    let next = Object.hasOwn(node, key) ? node[key] : undefined
    if (typeof next !== 'object' || next === null) {
      next = typeof mutation.path[i + 1] === 'number' ? [] : {}
      defineOwn(node, key, next)
    }
    node = next as Record<string | number, unknown>
  }
  const last = mutation.path[mutation.path.length - 1]!
  if (mutation.remove) delete node[last]
  else defineOwn(node, last, mutation.value)
}

const ODD_KEYS = [
  ...PROTO_KEYS,
  'action',
  'userInfo',
  'Type',
  'TriggerName',
  'Time',
  '$where',
  '_id',
  'openid',
  '',
]

function jsonEvents(action: FuzzAction): fc.Arbitrary<unknown> {
  const names = Object.keys(inputFields(action.input))
  const key = fc.oneof(fc.string(), fc.constantFrom(...ODD_KEYS, ...names))
  const value = fc.oneof(
    { arbitrary: fc.jsonValue(), weight: 6 },
    fc.constant(nested(50, 'x')),
    fc.constant(nested(50, { $gt: '' })),
    fc.constant('楼'.repeat(200_000)),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 30 }),
    fc.constant(Array.from({ length: 5_000 }, (_, i) => i)),
  )
  const withAction = fc
    .array(fc.tuple(key, value), { maxLength: 5 })
    .map((entries) => ownObject([['action', action.name], ...entries]))
  return fc.oneof({ arbitrary: withAction, weight: 8 }, fc.jsonValue())
}

/** None (a plausible input, to reach the action's code) to three, mostly one. */
function mutations(mutation: fc.Arbitrary<Mutation>): fc.Arbitrary<Mutation[]> {
  return fc.oneof(
    { arbitrary: fc.constant<Mutation[]>([]), weight: 2 },
    { arbitrary: mutation.map((m) => [m]), weight: 4 },
    { arbitrary: fc.array(mutation, { minLength: 2, maxLength: 3 }), weight: 2 },
  )
}

function schemaEvents(action: FuzzAction, context: ValueContext): fc.Arbitrary<unknown> {
  const fields = inputFields(action.input)
  const places = targets(fields)
  const topLevel: Array<fc.Arbitrary<Mutation>> = [
    fc
      .tuple(
        fc.constantFrom(...PROTO_KEYS),
        fc.constantFrom<unknown>({}, { isAdmin: true }, 'x', null, []),
      )
      .map(([key, value]) => set([key], value)),
    fc.tuple(fc.string(), fc.jsonValue()).map(([key, value]) => set([key || 'x'], value)),
    fc.constant(set(['userInfo'], { openId: 'test-admin', appId: 'wxfuzz' })),
  ]
  const mutation = fc.oneof(
    ...places.map((p) => mutationsAt(p.path, p.model, context)),
    ...topLevel,
  )
  return fc
    .tuple(validObject(fields, context), mutations(mutation))
    .map(([generated, mutations]) => {
      const input = copy(generated)
      for (const m of mutations) apply(input, { ...m, value: copy(m.value) })
      return ownObject([['action', action.name], ...Object.entries(input)])
    })
}

function timerEvents(action: FuzzAction, context: ValueContext): fc.Arbitrary<unknown> {
  return fc
    .tuple(validObject(inputFields(action.input), context), fc.boolean(), fc.boolean())
    .map(([input, withAction, withTime]) =>
      ownObject([
        ['Type', 'Timer'],
        ['TriggerName', action.name],
        ...(withAction ? [['action', action.name] as const] : []),
        ...(withTime ? [['Time', new Date().toISOString()] as const] : []),
        ...Object.entries(input),
      ]),
    )
}

export function fuzzCases(action: FuzzAction, context: ValueContext): fc.Arbitrary<FuzzCase> {
  const caller = fc.constantFrom(...(Object.keys(CALLERS) as CallerName[]))
  const kinds: Array<{ arbitrary: fc.Arbitrary<[CaseKind, unknown]>; weight: number }> = [
    { arbitrary: jsonEvents(action).map((e) => ['json', e]), weight: 2 },
    { arbitrary: schemaEvents(action, context).map((e) => ['schema', e]), weight: 6 },
    { arbitrary: timerEvents(action, context).map((e) => ['timer', e]), weight: 1 },
  ]
  return fc
    .tuple(caller, fc.oneof(...kinds))
    .map(([who, [kind, event]]) => ({ caller: who, kind, event }))
}

/** The action's input in an event, as the router will validate it (null: not a user's call of it). */
export function inputOf(action: FuzzAction, event: unknown): Record<string, unknown> | null {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return null
  const fields = event as Record<string, unknown>
  if (fields['Type'] === 'Timer' && typeof fields['TriggerName'] === 'string') return null
  if (fields['action'] !== action.name) return null
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !PLATFORM_FIELDS.has(key)))
}

/**
 * Plausible values for a field, from what its schema expects (schemaModel.ts) and from the
 * records of the seeded demo, so that an input gets past validation and permission checks often
 * enough to reach the action's own code; and the nasty values that then replace one field.
 */
import fc from 'fast-check'
import type { Model } from './schemaModel'

/** The ids of the seeded store, by collection: document ids an input can name. */
export type IdPool = Record<string, readonly string[]>

const CJK = [...'楼道灯不亮请尽快修理社区邻居你好谢谢居民小区单元号楼停车噪音垃圾清运']
const TEXT_UNIT = fc.constantFrom(...CJK, ...'abcXYZ 0123456789，。！-')

/** Object keys that reach the prototype when an object is built by assignment. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const

/** Sets an own key, also `__proto__` (an assignment would set the prototype instead). */
export function defineOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

/** A plain object whose own keys are exactly `entries`' (also `__proto__`). */
export function ownObject(entries: ReadonlyArray<readonly [string, unknown]>) {
  const target: Record<string, unknown> = {}
  for (const [key, value] of entries) defineOwn(target, key, value)
  return target
}

/**
 * A deep copy with the same own keys (`__proto__` too) and values (NaN, undefined): generated
 * values are shared between runs and shrinks, so a case changes only its own copy.
 */
export function copy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(copy) as T
  return ownObject(Object.entries(value).map(([key, item]) => [key, copy(item)])) as T
}

/** The collections whose ids a field named `field` plausibly holds (by its name). */
function idsFor(field: string, fn: string, pool: IdPool): readonly string[] {
  if (/openid$/i.test(field)) return pool['users'] ?? []
  const stemOf = (name: string) =>
    name
      .replace(/Ids?$/, '')
      .replace(/ies$|s$|y$/, '')
      .toLowerCase()
  const byName = (stem: string) =>
    Object.entries(pool)
      .filter(([collection]) => stem.length > 1 && collection.toLowerCase().includes(stem))
      .flatMap(([, ids]) => ids)
  const named = byName(stemOf(field))
  if (named.length > 0) return named
  const ofFunction = byName(stemOf(fn))
  return ofFunction.length > 0 ? ofFunction : Object.values(pool).flat()
}

const ID_EXAMPLE = 'b-jiguang-3'

const day = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2027-12-31T23:59:59Z'),
  noInvalidDate: true,
})

/**
 * Strings of the shapes inputs take (ids, days, months, periods, instants, cursors, codes,
 * phones). A pattern-checked field draws from the shapes whose example it accepts.
 */
function shapes(ids: readonly string[]) {
  const id = ids.length > 0 ? fc.constantFrom(...ids) : fc.stringMatching(/^[a-z0-9-]{3,20}$/)
  const iso = day.map((d) => d.toISOString())
  return [
    { example: ID_EXAMPLE, arbitrary: id },
    { example: '2025-03-04', arbitrary: iso.map((s) => s.slice(0, 10)) },
    { example: '2025-03', arbitrary: iso.map((s) => s.slice(0, 7)) },
    { example: '2025', arbitrary: iso.map((s) => s.slice(0, 4)) },
    {
      example: '2025-Q1',
      arbitrary: fc
        .tuple(iso, fc.integer({ min: 1, max: 4 }))
        .map(([s, q]) => `${s.slice(0, 4)}-Q${q}`),
    },
    { example: '2025-03-04T05:06:07.089Z', arbitrary: iso },
    { example: '2025-03-04T05:06+08:00', arbitrary: iso.map((s) => `${s.slice(0, 16)}+08:00`) },
    {
      example: '2025-03-04T05:06:07.089Z_b-jiguang-3',
      arbitrary: fc.tuple(iso, id).map(([s, i]) => `${s}_${i}`),
    },
    { example: '123456', arbitrary: fc.stringMatching(/^\d{6}$/) },
    { example: '13812341234', arbitrary: fc.stringMatching(/^1[3-9]\d{9}$/) },
    { example: 'req-0123456789', arbitrary: fc.stringMatching(/^req-[a-z0-9]{10}$/) },
  ]
}

export interface ValueContext {
  fn: string
  pool: IdPool
  /** The uploaded photos' fileIDs of this cloud (what a photo field may name). */
  photos: readonly string[]
  /** `cloud://<env>.<bucket>`: where this cloud's uploads are. */
  storagePrefix: string
}

/** A value the model accepts (most of the time: patterns and bounds are honoured, refinements are not). */
export function validValue(
  model: Model,
  field: string,
  context: ValueContext,
): fc.Arbitrary<unknown> {
  switch (model.kind) {
    case 'string': {
      const max = model.max ?? 40
      const fits = (s: string) => s.length >= model.min && s.length <= max
      if (model.patterns.length === 0) {
        return fc.string({
          unit: TEXT_UNIT,
          minLength: Math.max(model.min, 1),
          maxLength: Math.min(max, 30),
        })
      }
      const matches = (s: string) => fits(s) && model.patterns.every((p) => p.test(s))
      if (model.patterns.some((p) => p.source.startsWith('^cloud:')) && context.photos.length > 0) {
        return fc.constantFrom(...context.photos)
      }
      // An id field takes most other shapes too ("2025-03" is an id): a real id, mostly, so
      // that the case gets past NOT_FOUND.
      const usable = shapes(idsFor(field, context.fn, context.pool))
        .filter((s) => matches(s.example))
        .map((s) => ({ arbitrary: s.arbitrary, weight: s.example === ID_EXAMPLE ? 12 : 1 }))
      const generated = {
        arbitrary: fc.stringMatching(model.patterns[0]!).filter(matches),
        weight: 1,
      }
      return fc.oneof(...usable, generated)
    }
    case 'number': {
      const min = model.min ?? -1_000
      const max = model.max ?? 1_000_000
      if (model.int) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
      return fc.integer({ min: Math.ceil(min * 10), max: Math.floor(max * 10) }).map((n) => n / 10)
    }
    case 'boolean':
      return fc.boolean()
    case 'literal':
    case 'enum':
      return fc.constantFrom(...model.values)
    case 'array': {
      const maxLength = Math.min(model.max ?? model.min + 3, model.min + 3)
      return fc.array(validValue(model.element, field, context), {
        minLength: model.min,
        maxLength,
      })
    }
    case 'object':
      return validObject(model.fields, context)
    case 'union':
      return fc.oneof(...model.options.map((option) => validValue(option, field, context)))
    case 'other':
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** An object of the fields, each optional field present about two times in three. */
export function validObject(
  fields: Record<string, { model: Model; optional: boolean; nullable: boolean }>,
  context: ValueContext,
): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([key, field]) => {
    let value = validValue(field.model, key, context)
    if (field.nullable) value = fc.oneof({ arbitrary: value, weight: 4 }, fc.constant(null))
    const present = field.optional
      ? fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false))
      : fc.constant(true)
    return fc.tuple(fc.constant(key), value, present)
  })
  return fc
    .tuple(...entries)
    .map((list) =>
      ownObject(list.filter(([, , present]) => present).map(([key, value]) => [key, value])),
    )
}

/** Values of every JSON type and some that only a structured clone carries (NaN, undefined). */
export const WRONG_TYPED: readonly unknown[] = [
  0,
  -1,
  1.5,
  true,
  false,
  '',
  'abc',
  '1',
  [],
  [1, 2],
  ['b-jiguang-3'],
  {},
  { a: 1 },
  { $gt: '' },
  { $ne: null },
  null,
]

/** Numbers at and past every edge a numeric field has. */
export function boundaryNumbers(model: Extract<Model, { kind: 'number' }>): number[] {
  const edges = [
    -1,
    0,
    -0,
    1,
    0.5,
    1e-7,
    NaN,
    Infinity,
    -Infinity,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    -(Number.MAX_SAFE_INTEGER + 2),
    2 ** 31,
  ]
  for (const bound of [model.min, model.max]) {
    if (bound !== null) edges.push(bound, bound - 1, bound + 1, bound - 0.5, bound + 0.5)
  }
  return edges
}

const LONG = 'x'.repeat(100_000)
const LONG_CJK = '楼'.repeat(20_000)

/**
 * Strings that must never be accepted, whatever field they are in (see poison.ts for what makes
 * each one so): control characters, bidi overrides, lone surrogates, invisible-only text,
 * impossible dates, photo paths that climb out of uploads/, and text far over any length.
 */
export function poisonedStrings(valid: string, storagePrefix: string): string[] {
  return [
    `${valid}\u0000`,
    `\u0000`,
    `${valid.slice(0, 1)}\u0000${valid.slice(1)}`,
    `\u202E${valid}`,
    `${valid}\u202Egpj.exe`,
    `${valid}\uD800`,
    '\uDC00',
    `${valid}\u0007`,
    `\u001B[31m${valid}`,
    '\u200B\u200B',
    '\u200B\u200C\u200D\u2060',
    '\uFEFF\u200B',
    '9999-99-99T99:99:99.999Z_abc',
    '2025-13-45T25:61:61.000Z_b-jiguang-3',
    '2025-02-30T00:00:00.000Z_b-jiguang-3',
    '2025-02-30',
    '2025-00',
    '2025-02-30T10:00:00.000Z',
    '2025-04-31T10:00+08:00',
    `${storagePrefix}/uploads/../../etc/passwd`,
    `${storagePrefix}/uploads/suggestions/../../exports/x.jpg`,
    `${storagePrefix}/uploads/..`,
    LONG,
    LONG_CJK,
  ]
}

/** A JSON value nested `depth` levels (objects and arrays by turns). */
export function nested(depth: number, leaf: unknown): unknown {
  let value = leaf
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? { a: value } : [value]
  return value
}

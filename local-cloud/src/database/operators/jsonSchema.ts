/**
 * The `$jsonSchema` query operator's validator: MongoDB's subset of JSON Schema draft 4 plus
 * `bsonType` ("The $jsonSchema operator matches documents that satisfy the specified JSON
 * Schema", MongoDB manual, $jsonSchema). mingo needs a validator to be given; MongoDB has its own,
 * so this follows MongoDB's keyword list and refuses the keywords it omits ($ref, format …).
 * Numbers keep no BSON type here: an integer in int32 range is an "int" (the SDK sends it as
 * $numberInt), a larger one a "long", a fraction a "double".
 */
import { TcbError } from '../../protocol/tcbError'
import { isDate, isPlainObject, type Document } from '../ejson'

type Check = (value: unknown) => boolean

const UNSUPPORTED = ['$ref', '$schema', 'default', 'definitions', 'format', 'id']

function bsonTypeOf(value: unknown): string[] {
  if (value === null) return ['null']
  if (typeof value === 'string') return ['string']
  if (typeof value === 'boolean') return ['bool']
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return ['double', 'number']
    return Math.abs(value) <= 2_147_483_647 ? ['int', 'number'] : ['long', 'number']
  }
  if (isDate(value)) return ['date']
  if (value instanceof RegExp) return ['regex']
  if (Array.isArray(value)) return ['array']
  if (typeof value === 'object' && (value as { _bsontype?: string })._bsontype === 'ObjectId')
    return ['objectId']
  if (isPlainObject(value)) return ['object']
  return []
}

function jsonTypeOf(value: unknown): string[] {
  if (value === null) return ['null']
  if (typeof value === 'number') return ['number']
  if (typeof value === 'string' || typeof value === 'boolean') return [typeof value]
  if (Array.isArray(value)) return ['array']
  if (isPlainObject(value)) return ['object']
  return []
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value])

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export function compileSchema(schema: unknown): Check {
  if (!isPlainObject(schema))
    throw new TcbError('DATABASE_REQUEST_FAILED', '$jsonSchema must be an object')
  for (const keyword of UNSUPPORTED) {
    if (keyword in schema)
      throw new TcbError(
        'DATABASE_REQUEST_FAILED',
        `$jsonSchema keyword '${keyword}' is not currently supported`,
      )
  }
  const checks: Check[] = []
  const s = schema
  const num = (key: string) => (typeof s[key] === 'number' ? (s[key] as number) : undefined)

  if (s['bsonType'] !== undefined) {
    const wanted = list(s['bsonType'])
    checks.push((v) => bsonTypeOf(v).some((t) => wanted.includes(t)))
  }
  if (s['type'] !== undefined) {
    const wanted = list(s['type'])
    checks.push((v) => jsonTypeOf(v).some((t) => wanted.includes(t)))
  }
  if (Array.isArray(s['enum'])) {
    const values = s['enum']
    checks.push((v) => values.some((e) => equal(e, v)))
  }
  const minimum = num('minimum')
  const maximum = num('maximum')
  if (minimum !== undefined)
    checks.push(
      (v) => typeof v !== 'number' || (s['exclusiveMinimum'] ? v > minimum : v >= minimum),
    )
  if (maximum !== undefined)
    checks.push(
      (v) => typeof v !== 'number' || (s['exclusiveMaximum'] ? v < maximum : v <= maximum),
    )
  const multipleOf = num('multipleOf')
  if (multipleOf !== undefined) checks.push((v) => typeof v !== 'number' || v % multipleOf === 0)

  const minLength = num('minLength')
  const maxLength = num('maxLength')
  const length = (v: string) => [...v].length
  if (minLength !== undefined) checks.push((v) => typeof v !== 'string' || length(v) >= minLength)
  if (maxLength !== undefined) checks.push((v) => typeof v !== 'string' || length(v) <= maxLength)
  if (typeof s['pattern'] === 'string') {
    const pattern = new RegExp(s['pattern'], 'u')
    checks.push((v) => typeof v !== 'string' || pattern.test(v))
  }

  checks.push(...arrayChecks(s), ...objectChecks(s))
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (!Array.isArray(s[key])) continue
    const subs = (s[key] as unknown[]).map(compileSchema)
    if (key === 'allOf') checks.push((v) => subs.every((c) => c(v)))
    if (key === 'anyOf') checks.push((v) => subs.some((c) => c(v)))
    if (key === 'oneOf') checks.push((v) => subs.filter((c) => c(v)).length === 1)
  }
  if (s['not'] !== undefined) {
    const inner = compileSchema(s['not'])
    checks.push((v) => !inner(v))
  }
  return (value) => checks.every((check) => check(value))
}

function arrayChecks(s: Document): Check[] {
  const checks: Check[] = []
  const isArr = Array.isArray
  if (typeof s['minItems'] === 'number') {
    const n = s['minItems']
    checks.push((v) => !isArr(v) || v.length >= n)
  }
  if (typeof s['maxItems'] === 'number') {
    const n = s['maxItems']
    checks.push((v) => !isArr(v) || v.length <= n)
  }
  if (s['uniqueItems'] === true)
    checks.push((v) => !isArr(v) || v.every((a, i) => v.findIndex((b) => equal(a, b)) === i))
  if (isPlainObject(s['items'])) {
    const item = compileSchema(s['items'])
    checks.push((v) => !isArr(v) || v.every(item))
  } else if (Array.isArray(s['items'])) {
    const items = s['items'].map(compileSchema)
    const extra = s['additionalItems']
    const rest: Check | null =
      extra === false ? () => false : isPlainObject(extra) ? compileSchema(extra) : null
    checks.push(
      (v) =>
        !isArr(v) ||
        v.every((element, i) => {
          const check = i < items.length ? items[i] : rest
          return !check || check(element)
        }),
    )
  }
  return checks
}

function objectChecks(s: Document): Check[] {
  const checks: Check[] = []
  const isObj = isPlainObject
  if (Array.isArray(s['required'])) {
    const required = s['required'] as string[]
    checks.push((v) => !isObj(v) || required.every((key) => key in v))
  }
  if (typeof s['minProperties'] === 'number') {
    const n = s['minProperties']
    checks.push((v) => !isObj(v) || Object.keys(v).length >= n)
  }
  if (typeof s['maxProperties'] === 'number') {
    const n = s['maxProperties']
    checks.push((v) => !isObj(v) || Object.keys(v).length <= n)
  }
  const properties = isObj(s['properties'])
    ? Object.fromEntries(Object.entries(s['properties']).map(([k, sub]) => [k, compileSchema(sub)]))
    : {}
  const patterns = isObj(s['patternProperties'])
    ? Object.entries(s['patternProperties']).map(
        ([p, sub]) => [new RegExp(p, 'u'), compileSchema(sub)] as const,
      )
    : []
  const additional = s['additionalProperties']
  const others: Check | null =
    additional === false ? () => false : isObj(additional) ? compileSchema(additional) : null
  checks.push((v) => {
    if (!isObj(v)) return true
    return Object.entries(v).every(([key, value]) => {
      const named = properties[key]
      const matching = patterns.filter(([p]) => p.test(key))
      if (named && !named(value)) return false
      if (matching.some(([, check]) => !check(value))) return false
      if (!named && matching.length === 0 && others) return others(value)
      return true
    })
  })
  if (isObj(s['dependencies'])) {
    const dependencies = Object.entries(s['dependencies']).map(([key, dep]) => {
      const check: Check = Array.isArray(dep)
        ? (v) => dep.every((k) => k in (v as Document))
        : compileSchema(dep)
      return [key, check] as const
    })
    checks.push((v) => !isObj(v) || dependencies.every(([key, check]) => !(key in v) || check(v)))
  }
  return checks
}

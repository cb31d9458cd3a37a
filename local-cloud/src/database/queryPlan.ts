/**
 * Turns the parts of a Mongo filter that an index can serve into SQL over the key columns
 * expressions. The SQL is a superset of the answer unless the plan is `exact`; a non-exact plan is
 * finished by the query engine in JS. Only indexed paths known to hold scalars are planned, since
 * Mongo matches arrays element-wise.
 */
import { idKey } from './documentIds'
import { isKeyable, keyOf } from './sortKey'
import { isPlainObject, type Document } from './ejson'
import { isPlannablePath } from './paths'

export interface Plan {
  where: string
  params: unknown[]
  /** The SQL alone answers the filter exactly. */
  exact: boolean
  /** ORDER BY for SQL, when the filter is exact and every sort key is indexed. */
  orderBy: string | null
  /** An index (or _id) narrows or orders the rows: false for a full scan, even an exact one like `{}`. */
  indexed: boolean
}

export interface PlannableFields {
  /** Indexed paths that have only ever held scalars. */
  isScalarIndexed(path: string): boolean
  /** No _id of another type than string: SQLite's order of ids is then MongoDB's. */
  idsAreStrings(): boolean
}

/** The column holding a path's sort key (sortKey.ts), written with every document. */
export function keyColumn(path: string): string {
  return `"k:${path}"`
}

const RANGE_SQL: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

export function planQuery(
  fields: PlannableFields,
  filter: Document,
  sort: Array<[string, 1 | -1]>,
): Plan {
  const conditions: string[] = []
  const params: unknown[] = []
  let exact = true

  for (const [path, condition] of Object.entries(filter)) {
    // Each part of an $and narrows the rows like a top-level field does.
    if (path === '$and' && Array.isArray(condition)) {
      for (const part of condition) {
        if (!isPlainObject(part)) {
          exact = false
          continue
        }
        const sub = planQuery(fields, part, [])
        if (sub.where !== '1') conditions.push(`(${sub.where})`)
        params.push(...sub.params)
        exact = exact && sub.exact
      }
      continue
    }
    // An $or is exact when every branch is; a branch with no plannable part would match every row.
    if (path === '$or' && Array.isArray(condition) && condition.length > 0) {
      const branches = condition.map((part) =>
        isPlainObject(part) ? planQuery(fields, part, []) : null,
      )
      if (branches.every((branch) => branch !== null && branch.where !== '1')) {
        conditions.push(`(${branches.map((branch) => `(${branch!.where})`).join(' OR ')})`)
        for (const branch of branches) params.push(...branch!.params)
        exact = exact && branches.every((branch) => branch!.exact)
      } else {
        exact = false
      }
      continue
    }
    if (path === '_id') {
      const range = idRange(condition)
      if (range) {
        conditions.push(...range.conditions)
        params.push(...range.params)
        continue
      }
      // Equality on an _id is equality of its key (documentIds.ts), whatever its type.
      if (typeof condition === 'string' || typeof condition === 'number') {
        conditions.push('id = ?')
        params.push(idKey(condition))
        continue
      }
      if (
        isPlainObject(condition) &&
        isIdList(condition['$in']) &&
        Object.keys(condition).length === 1
      ) {
        conditions.push(`id IN (${condition['$in'].map(() => '?').join(', ')})`)
        params.push(...condition['$in'].map(idKey))
        continue
      }
      exact = false
      continue
    }
    if (path.startsWith('$') || !isPlannablePath(path) || !fields.isScalarIndexed(path)) {
      exact = false
      continue
    }
    const planned = planField(keyColumn(path), condition)
    if (!planned) {
      exact = false
      continue
    }
    conditions.push(...planned.conditions)
    params.push(...planned.params)
  }

  const sortable = sort.every(([path]) =>
    path === '_id' ? fields.idsAreStrings() : isPlannablePath(path) && fields.isScalarIndexed(path),
  )
  const orderBy =
    exact && sort.length > 0 && sortable
      ? sort
          .map(
            ([path, direction]) =>
              `${path === '_id' ? 'id' : keyColumn(path)} ${direction === 1 ? 'ASC' : 'DESC'}`,
          )
          .join(', ')
      : null
  return {
    where: conditions.length > 0 ? conditions.join(' AND ') : '1',
    params,
    exact,
    orderBy,
    indexed: conditions.length > 0 || orderBy !== null,
  }
}

function planField(
  expression: string,
  condition: unknown,
): { conditions: string[]; params: unknown[] } | null {
  if (!isPlainObject(condition)) {
    if (condition instanceof RegExp || !isKeyable(condition)) return null
    return { conditions: [`${expression} = ?`], params: [keyOf(condition)] }
  }
  const conditions: string[] = []
  const params: unknown[] = []
  for (const [operator, value] of Object.entries(condition)) {
    if (operator === '$eq' && isKeyable(value)) {
      conditions.push(`${expression} = ?`)
      params.push(keyOf(value))
    } else if (
      operator === '$in' &&
      Array.isArray(value) &&
      value.length > 0 &&
      value.every(isKeyable)
    ) {
      conditions.push(`${expression} IN (${value.map(() => '?').join(', ')})`)
      params.push(...value.map(keyOf))
    } else if (operator in RANGE_SQL && isKeyable(value) && value !== null) {
      // Mongo compares within a type only: bound the key to the value's type bracket.
      const key = keyOf(value)
      conditions.push(`${expression} ${RANGE_SQL[operator]} ?`)
      params.push(key)
      const typeByte = key[0]!
      conditions.push(`${expression} >= ?`, `${expression} < ?`)
      params.push(Buffer.from([typeByte]), Buffer.from([typeByte + 1]))
    } else {
      return null
    }
  }
  return { conditions, params }
}

/**
 * `_id` compared with strings: SQLite's binary TEXT order is Mongo's order of UTF-8 strings. The
 * keys of other types start with NUL: the lower bound keeps them out, as Mongo compares within a
 * type.
 */
function idRange(condition: unknown): { conditions: string[]; params: unknown[] } | null {
  if (!isPlainObject(condition) || Object.keys(condition).length === 0) return null
  const conditions: string[] = ['id >= ?']
  const params: unknown[] = ['\u0001']
  for (const [operator, value] of Object.entries(condition)) {
    if (!(operator in RANGE_SQL) || typeof value !== 'string') return null
    conditions.push(`id ${RANGE_SQL[operator]} ?`)
    params.push(value)
  }
  return { conditions, params }
}

function isIdList(value: unknown): value is Array<string | number> {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => typeof item === 'string' || typeof item === 'number')
  )
}

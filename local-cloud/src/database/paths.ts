/** Dotted paths (`a.b.c`), as queries, sorts and index declarations name fields. */
import { isPlainObject, type Document } from './ejson'

export interface PathProbe {
  value: unknown
  /** True when an array sits on the path or at its end: Mongo then matches element-wise. */
  crossesArray: boolean
  /** True when the value is an object that is not a Date (never a bindable scalar). */
  isObject: boolean
}

export function probePath(doc: Document, path: string): PathProbe {
  let current: unknown = doc
  for (const part of path.split('.')) {
    if (Array.isArray(current)) return { value: undefined, crossesArray: true, isObject: false }
    if (!isPlainObject(current)) return { value: undefined, crossesArray: false, isObject: false }
    current = current[part]
  }
  return {
    value: current,
    crossesArray: Array.isArray(current),
    isObject: isPlainObject(current),
  }
}

/** Paths the planner can hand to SQLite: plain field names, no array positions. */
export function isPlannablePath(path: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(path)
}

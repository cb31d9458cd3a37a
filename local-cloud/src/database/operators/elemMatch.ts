/**
 * `$elemMatch` as MongoDB matches it. A criteria of fields (`{ value: 1 }`) is a query on the
 * array's documents: an element that is a plain value never matches it. mingo tests plain values
 * too, and its path lookup answers a scalar for any path on it, so `tags: [1, 2]` matched
 * `{ value: 1 }`. A criteria of operators only (`{ $gt: 1 }`) tests each element as a value.
 */
import { Query } from 'mingo/query'
import type { AnyObject, ArrayOrObject, Options } from 'mingo/types'
import { isOperator, resolve } from 'mingo/util'
import { isPlainObject } from '../ejson'

const LOGICAL = new Set(['$and', '$or', '$nor'])

export function $elemMatch(
  selector: string,
  criteria: unknown,
  options: Options,
): (doc: AnyObject) => boolean {
  const element = elementPredicate(isPlainObject(criteria) ? criteria : {}, options)
  return (doc) => {
    const value = resolve(doc as ArrayOrObject, selector, { unwrapArray: true })
    return Array.isArray(value) && value.some(element)
  }
}

function elementPredicate(criteria: AnyObject, options: Options): (element: unknown) => boolean {
  const keys = Object.keys(criteria)
  const onValues = keys.length > 0 && keys.every((key) => isOperator(key) && !LOGICAL.has(key))
  if (onValues) {
    const query = new Query({ value: criteria }, options)
    return (element) => query.test({ value: element })
  }
  const query = new Query(criteria, options)
  return (element) => {
    // MongoDB reads an array element that is itself an array as a document keyed "0", "1" …
    if (Array.isArray(element)) return query.test(Object.fromEntries(element.entries()))
    return isPlainObject(element) && query.test(element)
  }
}

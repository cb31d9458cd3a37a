/** Update operators ($set, $inc, $push …) on a stored document, with Mongo's rules. */
import { update as mingoUpdate } from 'mingo'
import { TcbError } from '../protocol/tcbError'
import { cloneDocument, isPlainObject, type Document } from './ejson'
import { fastUpdate } from './fastUpdate'

/**
 * Applies an operator document; answers the new document, whether anything changed and, when
 * known, the paths the update touched.
 */
export function applyUpdate(
  doc: Document,
  operators: Document,
): { doc: Document; changed: boolean; touched?: string[] } {
  const keys = Object.keys(operators)
  if (keys.length === 0) return { doc, changed: false }
  if (!keys.every((key) => key.startsWith('$'))) {
    throw new TcbError('INVALID_PARAM', 'update data must use update operators only')
  }
  for (const fields of Object.values(operators)) {
    if (
      isPlainObject(fields) &&
      Object.keys(fields).some((field) => field === '_id' || field.startsWith('_id.'))
    ) {
      throw new TcbError(
        'DATABASE_REQUEST_FAILED',
        "Performing an update on the path '_id' would modify the immutable field '_id'",
      )
    }
  }
  const fast = fastUpdate(doc, operators)
  if (fast) return fast
  const copy = cloneDocument(doc)
  try {
    const modified = mingoUpdate(copy, normaliseAddToSet(operators), undefined, undefined, {
      cloneMode: 'deep',
    })
    return { doc: copy, changed: modified.length > 0 }
  } catch (error) {
    throw new TcbError('DATABASE_REQUEST_FAILED', (error as Error).message)
  }
}

/** A whole-document replacement (`doc().set()`): `_id` kept by the caller. */
export function replacement(data: Document): Document {
  checkStorable(data, 'replace')
  const rest = { ...data }
  delete rest['_id']
  return rest
}

/**
 * A document whose top-level field starts with `$` is refused: CloudBase answers
 * DATABASE_REQUEST_FAILED (the SDK's test "验证throwOnCode" adds `{ $_key: 1 }` and expects
 * `res.code === 'DATABASE_REQUEST_FAILED'`), with MongoDB's wording before 5.0.
 */
export function checkStorable(doc: Document, kind: 'insert' | 'replace'): void {
  const field = Object.keys(doc).find((key) => key.startsWith('$'))
  if (field === undefined) return
  throw new TcbError(
    'DATABASE_REQUEST_FAILED',
    kind === 'insert'
      ? `Document can't have $ prefixed field names: ${field}`
      : `The dollar ($) prefixed field '${field}' in '${field}' is not valid for storage.`,
  )
}

// Mongo de-duplicates `$each` itself when the array is created; mingo copies it as it is.
function normaliseAddToSet(operators: Document): Document {
  const addToSet = operators['$addToSet']
  if (!isPlainObject(addToSet)) return operators
  const fixed: Document = {}
  for (const [field, value] of Object.entries(addToSet)) {
    if (isPlainObject(value) && Array.isArray(value['$each'])) {
      const seen: unknown[] = []
      for (const item of value['$each']) {
        if (!seen.some((s) => JSON.stringify(s) === JSON.stringify(item))) seen.push(item)
      }
      fixed[field] = { $each: seen }
    } else fixed[field] = value
  }
  return { ...operators, $addToSet: fixed }
}

/**
 * The query engine: mingo with MongoDB's behaviour where mingo's differs. mingo merges a custom
 * context under its built-in operators (the built-ins win), so the whole operator table is built
 * here and handed to mingo's base Query and Aggregator. Errors come out as CloudBase answers a
 * MongoDB error: DATABASE_REQUEST_FAILED with MongoDB's wording, never a stack in the log.
 */
import { Aggregator } from 'mingo/aggregator'
import { Context } from 'mingo/core'
import * as accumulatorOperators from 'mingo/operators/accumulator'
import * as expressionOperators from 'mingo/operators/expression'
import * as pipelineOperators from 'mingo/operators/pipeline'
import * as projectionOperators from 'mingo/operators/projection'
import * as queryOperators from 'mingo/operators/query'
import * as windowOperators from 'mingo/operators/window'
import { Query } from 'mingo/query'
import type { AnyObject, Options } from 'mingo/types'
import { MingoError } from 'mingo/util'
import { TcbError } from '../protocol/tcbError'
import { isPlainObject, type Document } from './ejson'
import { dateOperators } from './operators/dates'
import { $elemMatch } from './operators/elemMatch'
import { geoOperators } from './operators/geo'
import { compileSchema } from './operators/jsonSchema'
import { stringOperators } from './operators/strings'
import { resolveProjection } from './projection'

const CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: { ...expressionOperators, ...dateOperators, ...stringOperators },
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: { ...queryOperators, ...geoOperators, $elemMatch },
  window: windowOperators,
} as Parameters<typeof Context.init>[0])

const OPTIONS: Partial<Options> = {
  context: CONTEXT,
  jsonSchemaValidator: (schema: AnyObject) => compileSchema(schema),
}

/** Runs mingo, answering its errors as CloudBase answers MongoDB's. */
export function engine<T>(work: () => T): T {
  try {
    return work()
  } catch (error) {
    if (error instanceof MingoError)
      throw new TcbError('DATABASE_REQUEST_FAILED', mongoWording(error.message))
    throw error
  }
}

/** mingo's messages as MongoDB words them (MongoDB manual, error codes 2, 168, 40324). */
function mongoWording(message: string): string {
  const rules: Array<[RegExp, (name: string) => string]> = [
    [/^unknown query operator (\S+)$/, (name) => `unknown operator: ${name}`],
    [/^accumulator '(\S+)' is not registered\.$/, (name) => `Unrecognized expression '${name}'`],
    [
      /^unregistered pipeline operator (\S+)\.$/,
      (name) => `Unrecognized pipeline stage name: '${name}'`,
    ],
  ]
  for (const [pattern, word] of rules) {
    const match = pattern.exec(message)
    if (match) return word(match[1]!)
  }
  return message
}

/** A compiled filter, for testing documents one by one. */
export function compileFilter(filter: Document): (doc: Document) => boolean {
  const query = engine(() => new Query(filter, OPTIONS))
  return (doc) => engine(() => query.test(doc))
}

export interface FindOptions {
  projection?: Document | undefined
  sort?: Array<[string, 1 | -1]> | undefined
  skip?: number | undefined
  limit?: number | undefined
}

/** Filter, sort, skip, limit and project in JS. */
export function findDocuments(
  docs: Document[],
  filter: Document,
  options: FindOptions = {},
): Document[] {
  const projection =
    options.projection && Object.keys(options.projection).length > 0
      ? resolveProjection(options.projection)
      : undefined
  return engine(() => {
    let cursor = new Query(filter, OPTIONS).find<Document>(docs, projection)
    if (options.sort && options.sort.length > 0)
      cursor = cursor.sort(Object.fromEntries(options.sort))
    if (options.skip) cursor = cursor.skip(options.skip)
    if (options.limit !== undefined) cursor = cursor.limit(options.limit)
    return cursor.all()
  })
}

export function aggregate(
  docs: Document[],
  pipeline: Document[],
  collectionResolver: (name: string) => Document[],
): Document[] {
  const stages = pipeline.map((stage) => {
    const project = stage['$project']
    return isPlainObject(project) ? { ...stage, $project: resolveProjection(project) } : stage
  })
  return engine(() =>
    new Aggregator(stages, { ...OPTIONS, collectionResolver }).run<Document>(docs),
  )
}

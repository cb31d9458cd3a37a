/**
 * Every cloud function's action table, read from the functions themselves: each
 * cloudfunctions/<fn>/index.ts is loaded with `createRouter` wrapped to keep the table it is
 * given, so an action added to a function is fuzzed without anyone listing it here.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { z } from 'zod'
import type * as Router from '../../../cloudfunctions/shared/router'

export interface FuzzAction {
  fn: string
  name: string
  input: z.ZodType
  /** Only the platform's timer trigger may run it. */
  timer: boolean
}

const FUNCTIONS_DIR = path.resolve(__dirname, '../../../cloudfunctions')
const ROUTER = path.join(FUNCTIONS_DIR, 'shared/router')

/** The functions: every folder of cloudfunctions/ with an index.ts (shared/ has none). */
export function functionNames(): string[] {
  return fs
    .readdirSync(FUNCTIONS_DIR)
    .filter((name) => fs.existsSync(path.join(FUNCTIONS_DIR, name, 'index.ts')))
    .sort()
}

export function loadActions(): FuzzAction[] {
  const tables = new Map<string, Record<string, Router.ActionDefinition<unknown, unknown>>>()
  jest.isolateModules(() => {
    jest.doMock(ROUTER, () => {
      const real = jest.requireActual<typeof Router>(ROUTER)
      const createRouter: typeof Router.createRouter = (fn, actions, ...rest) => {
        tables.set(fn, actions as Record<string, Router.ActionDefinition<unknown, unknown>>)
        return real.createRouter(fn, actions, ...rest)
      }
      return { ...real, createRouter }
    })
    for (const fn of functionNames()) require(path.join(FUNCTIONS_DIR, fn, 'index'))
  })
  jest.dontMock(ROUTER)
  const actions: FuzzAction[] = []
  for (const fn of functionNames()) {
    const table = tables.get(fn)
    if (!table) throw new Error(`cloudfunctions/${fn}/index.ts did not create a router`)
    for (const [name, definition] of Object.entries(table)) {
      actions.push({ fn, name, input: definition.input, timer: definition.caller === 'timer' })
    }
  }
  return actions
}

/**
 * Every built function on one in-memory local cloud with the demo seeded and the personas
 * added; the admin is configured for every function. Calls are made as a persona would make
 * them: a user's event with their openid, an anonymous event, or the platform's timer event.
 */
import * as path from 'node:path'
import type { Envelope, FunctionName } from '../../../typings'
import { seedDemoIfEmpty } from '../../../scripts/localCloud/seedDemo'
import { startTestCloud, type TestCloud } from '../../local-cloud/support/testCloud'
import { addPersonas, ADMIN, PERSONAS, type Persona, type PersonaName } from './personas'

const FUNCTIONS: readonly FunctionName[] = [
  'health',
  'community',
  'ratings',
  'fees',
  'volunteers',
  'suggestions',
]

export interface MatrixCloud extends TestCloud {
  /** Calls `action` of `fn` as the persona would. */
  call(
    persona: PersonaName,
    fn: FunctionName,
    action: string,
    input: object,
  ): Promise<Envelope<unknown>>
  /** Calls as a given openid (fixtures preparing a target through the function itself). */
  callAs(
    openid: string,
    fn: FunctionName,
    action: string,
    input: object,
  ): Promise<Envelope<unknown>>
  /** Every document of every collection, as stored: to prove that a refusal changed nothing. */
  digest(): string
}

export async function startMatrixCloud(): Promise<MatrixCloud> {
  const t = await startTestCloud({
    schemaDir: path.resolve(__dirname, '../../../database'),
    functionEnv: Object.fromEntries(FUNCTIONS.map((fn) => [fn, { JINLIN_ADMIN_OPENIDS: ADMIN }])),
  })
  await seedDemoIfEmpty(t.cloud)
  addPersonas(t.cloud)
  const callAs = (openid: string, fn: FunctionName, action: string, input: object) =>
    t.cloud.callFunction(fn, { action, ...input }, openid) as Promise<Envelope<unknown>>
  return {
    ...t,
    callAs,
    call(persona, fn, action, input) {
      const { openid, timer } = PERSONAS[persona] as Persona
      if (timer) {
        const event = { Type: 'Timer', TriggerName: action, Time: new Date().toISOString() }
        return t.cloud.callFunction(fn, event, '') as Promise<Envelope<unknown>>
      }
      return callAs(openid ?? '', fn, action, input)
    },
    digest() {
      const store = t.cloud.store
      return store
        .listCollections()
        .map((name) => {
          const docs = store.findText(name, { filter: {}, sort: [['_id', 1]] })
          return `${name}\n${docs.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))).join('\n')}`
        })
        .join('\n')
    },
  }
}

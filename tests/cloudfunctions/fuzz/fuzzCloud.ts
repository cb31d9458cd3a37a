/**
 * Every built function on one in-memory local cloud with the demo seeded, the callers the fuzz
 * calls as, and a call that tells whether a refusal changed the store. Each case starts from the
 * seeded store (what a case wrote is put back), so a failing case replays from its seed alone.
 */
import * as path from 'node:path'
import { seedDemoIfEmpty } from '../../../scripts/localCloud/seedDemo'
import { startTestCloud, type TestCloud } from '../../local-cloud/support/testCloud'
import { functionNames } from './actionTables'

export const ADMIN = 'test-admin'

/** The kinds of caller every action is fuzzed with ('' is a call with no OPENID at all). */
export const CALLERS = {
  resident: 'demo-resident-huang',
  buildingHead: 'demo-head-jiguang-3',
  staff: 'demo-staff-hefeng',
  volunteerStaff: 'demo-staff-jinxi',
  admin: ADMIN,
  stranger: 'fuzz-stranger-0001',
  noOpenid: '',
} as const
export type CallerName = keyof typeof CALLERS

export interface Outcome {
  /** What the function answered; undefined when the call itself failed. */
  answer?: unknown
  /** Why the call failed (a crash, a timeout, a function that could not be run). */
  thrown?: string
  /** The call was refused and the store is not what it was before it. */
  changedOnRefusal: boolean
}

export interface FuzzCloud extends TestCloud {
  send(fn: string, event: unknown, openid: string): Promise<Outcome>
  /** The ids of the seeded store by collection (what inputs name), a few per collection. */
  ids: Record<string, string[]>
  /** fileIDs of photos uploaded to this cloud, and the prefix of its storage. */
  photos: string[]
  storagePrefix: string
}

type Doc = Record<string, unknown> & { _id: string }

export async function startFuzzCloud(): Promise<FuzzCloud> {
  const env = { JINLIN_ADMIN_OPENIDS: ADMIN, JINLIN_CONTENT_CHECK: 'on' }
  const t = await startTestCloud({
    schemaDir: path.resolve(__dirname, '../../../database'),
    functionEnv: Object.fromEntries(functionNames().map((fn) => [fn, env])),
  })
  await seedDemoIfEmpty(t.cloud)
  await t.db
    .collection('users')
    .where({})
    .update({ data: { privacyAgreed: { version: '1', at: new Date() } } })
  const photos: string[] = []
  for (const feature of ['suggestions', 'fees', 'ratings']) {
    const response = await fetch(
      `${t.cloud.url}/uploadFile?cloudPath=${encodeURIComponent(`uploads/${feature}/fuzz.jpg`)}`,
      { method: 'POST', headers: { 'X-WX-OPENID': CALLERS.resident }, body: Buffer.from('jpeg') },
    )
    photos.push(((await response.json()) as { fileID: string }).fileID)
  }

  const store = t.cloud.store
  const all = (name: string) => store.find(name, { filter: {}, sort: [['_id', 1]] }) as Doc[]
  const digest = () => JSON.stringify(store.listCollections().map((name) => [name, all(name)]))
  const seeded = new Map(
    store
      .listCollections()
      .map((name) => [
        name,
        new Map(all(name).map((doc) => [doc._id, { doc, json: JSON.stringify(doc) }])),
      ]),
  )
  const seededDigest = digest()
  /** Puts back the seeded store: removes what was added, rewrites what changed. */
  const restore = () =>
    store.atomically(() => {
      for (const name of store.listCollections()) {
        const before = seeded.get(name) ?? new Map<string, { doc: Doc; json: string }>()
        const now = all(name)
        for (const doc of now) if (!before.has(doc._id)) store.write(name, doc._id, null)
        const present = new Map(now.map((doc) => [doc._id, JSON.stringify(doc)]))
        for (const [id, { doc, json }] of before) {
          if (present.get(id) !== json) store.write(name, id, doc)
        }
      }
    })
  let clean = store.currentSequence

  const ids: Record<string, string[]> = {}
  for (const [name, docs] of seeded) {
    // Every id of the small collections; a spread of the large ones (households, ratings).
    const list = [...docs.keys()]
    const step = Math.max(1, Math.floor(list.length / 40))
    ids[name] = list.filter((_, i) => i % step === 0)
  }
  ids['users'] = [...new Set([...(ids['users'] ?? []), ...Object.values(CALLERS).filter(Boolean)])]

  return {
    ...t,
    ids,
    photos,
    storagePrefix: photos[0]!.slice(0, photos[0]!.indexOf('/uploads/')),
    async send(fn, event, openid) {
      // Something written after an earlier answer (work a function left running) is not this case's.
      if (store.currentSequence !== clean) restore()
      clean = store.currentSequence
      const outcome: Outcome = { changedOnRefusal: false }
      try {
        outcome.answer = await t.cloud.callFunction(fn, event, openid)
      } catch (error) {
        outcome.thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
      }
      // The whole-store digest costs tens of milliseconds: it is taken only when a refused call
      // wrote something at all (the store counts every write).
      if (store.currentSequence !== clean) {
        const refused = !(outcome.answer as { ok?: unknown } | undefined)?.ok
        if (refused) outcome.changedOnRefusal = digest() !== seededDigest
        restore()
        clean = store.currentSequence
      }
      return outcome
    },
  }
}

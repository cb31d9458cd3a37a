/** The operations measured through wx-server-sdk, each one call, on ids and projects picked at random. */
import { benchDocument, docId, INDEXED, PLAIN, PROJECTS, projectId, randomInts } from './dataset'
import type { BenchDatabase } from './sdkClient'

export type OperationName = 'get' | 'add' | 'update' | 'queryIndexed' | 'queryPlain'
export type Operation = (i: number) => Promise<unknown>

export const DESCRIPTIONS: Record<OperationName, string> = {
  get: 'doc(id).get()',
  add: 'add({ data })',
  update: 'doc(id).update({ n: _.inc(1) })',
  queryIndexed: 'where(projectId).orderBy(createdAt desc).limit(20), indexed',
  queryPlain: 'the same query, no index',
}

export function operations(db: BenchDatabase, docs: number): Record<OperationName, Operation> {
  const pick = randomInts(42)
  const query =
    (collection: string): Operation =>
    () =>
      db
        .collection(collection)
        .where({ projectId: projectId(pick(PROJECTS)) })
        .orderBy('createdAt', 'desc')
        .limit(20)
        .get()
  return {
    get: () =>
      db
        .collection(INDEXED)
        .doc(docId(pick(docs)))
        .get(),
    add: (i) => db.collection(INDEXED).add({ data: benchDocument(docs + i) }),
    update: () =>
      db
        .collection(INDEXED)
        .doc(docId(pick(docs)))
        .update({ data: { n: db.command.inc(1) } }),
    queryIndexed: query(INDEXED),
    queryPlain: query(PLAIN),
  }
}

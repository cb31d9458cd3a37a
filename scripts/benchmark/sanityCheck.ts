/** Before timing a local cloud: each operation answers what it should, so no error is measured. */
import { docId, INDEXED, PLAIN, PROJECTS, projectId } from './dataset'
import type { BenchDatabase } from './sdkClient'

export async function checkAnswers(
  db: BenchDatabase,
  docs: number,
  withPlain: boolean,
): Promise<void> {
  const collection = db.collection(INDEXED)
  const id = docId(docs - 1)
  const got = await collection.doc(id).get()
  expect(got.data?.['_id'] === id, `get ${id} answered ${JSON.stringify(got.data)}`)
  expect(got.data?.['createdAt'] instanceof Date, 'createdAt did not come back as a Date')
  const updated = await collection.doc(id).update({ data: { n: db.command.inc(1) } })
  expect(updated.stats.updated === 1, `update reported ${JSON.stringify(updated.stats)}`)
  const added = await collection.add({ data: { projectId: 'px', n: 0 } })
  expect(typeof added._id === 'string' && added._id !== '', 'add returned no _id')
  for (const name of withPlain ? [INDEXED, PLAIN] : [INDEXED]) {
    const p = projectId(0)
    const { data } = await db
      .collection(name)
      .where({ projectId: p })
      .orderBy('createdAt', 'desc')
      .limit(20)
      .get()
    const times = data.map((doc) => (doc['createdAt'] as Date).getTime())
    expect(
      data.length === Math.min(20, Math.ceil(docs / PROJECTS)) &&
        data.every((doc) => doc['projectId'] === p) &&
        times.every((t, i) => i === 0 || times[i - 1]! >= t),
      `${name}: the query answered ${data.length} documents, not the newest 20 of ${p}`,
    )
  }
}

function expect(ok: boolean, message: string): void {
  if (!ok) throw new Error(`sanity check failed: ${message}`)
}

/**
 * `npm run bench:volunteers`: 300 volunteers signing up at once for 50 places, through the built
 * `volunteers` function and its runtime on the local cloud (on disk, with the declared indexes),
 * as in the test that proves the outcome. Reports signups per second and latency percentiles,
 * and checks the outcome (50 confirmed, 250 waitlisted, in order of arrival). A measurement,
 * not a test.
 */
import type { LocalCloud } from '../../local-cloud/src'
import { benchProjectCloud } from './projectCloud'
import { quantile } from './stats'

const VOLUNTEERS = Number(process.env['BENCH_VOLUNTEERS'] ?? 300)
const PLACES = Number(process.env['BENCH_PLACES'] ?? 50)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3)
const STAFF = 'o-bench-staff'

interface Envelope {
  ok: boolean
  data?: { id?: string; status?: string }
  error?: { code: string; message: string }
}

async function measure(cloud: LocalCloud): Promise<void> {
  const call = async (openid: string, action: string, input: Record<string, unknown>) =>
    (await cloud.runtime.invoke('volunteers', { action, ...input }, { OPENID: openid }))
      .result as Envelope
  const store = cloud.store
  const now = new Date()
  store.atomically(() => {
    store.write('communities', 'c-bench', { name: '基准社区', createdAt: now })
    store.write('users', STAFF, {
      openid: STAFF,
      displayName: '工作人员',
      roles: [{ role: 'staff', communityId: 'c-bench' }],
      privacyAgreed: { version: '1', at: now },
      createdAt: now,
    })
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < VOLUNTEERS; i++) {
        const openid = `o-bench-${r}-${i}`
        store.write('users', openid, {
          openid,
          displayName: `志愿者${i}`,
          roles: [],
          privacyAgreed: { version: '1', at: now },
          createdAt: now,
        })
      }
    }
  })
  // Warm instances, as a live function would have.
  await Promise.all(
    Array.from({ length: 16 }, () => call(STAFF, 'listProjects', { communityId: 'c-bench' })),
  )

  const rates: number[] = []
  const all: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    const start = new Date(Date.now() + 48 * 3600_000)
    const created = await call(STAFF, 'createProject', {
      communityId: 'c-bench',
      title: `基准项目 ${r + 1}`,
      description: '300 人同时报名 50 个名额',
      serviceType: '基准',
      place: '社区广场',
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      signupDeadline: new Date(start.getTime() - 3600_000).toISOString(),
      capacity: PLACES,
      requestId: `bench-project-${r}-${Date.now()}`,
    })
    const projectId = created.data?.id
    if (!created.ok || !projectId) throw new Error(`createProject: ${JSON.stringify(created)}`)

    const latencies: number[] = []
    const began = performance.now()
    const results = await Promise.all(
      Array.from({ length: VOLUNTEERS }, async (_v, i) => {
        const t = performance.now()
        const result = await call(`o-bench-${r}-${i}`, 'signup', {
          projectId,
          requestId: `bench-${r}-${i}-000`,
        })
        latencies.push(performance.now() - t)
        return result
      }),
    )
    const seconds = (performance.now() - began) / 1000
    const failed = results.filter((x) => !x.ok)
    const confirmed = results.filter((x) => x.data?.status === 'confirmed').length
    const waitlisted = results.filter((x) => x.data?.status === 'waitlisted').length
    const docs = store.find('volunteerSignups', { filter: { projectId }, sort: [['order', 1]] })
    // In order of arrival: the order of the project's arrival log (lib/arrivals.ts).
    const log = (store.getById('volunteerArrivals', projectId)?.['entries'] ?? []) as Array<{
      ticket: string
    }>
    const arrivals = docs.map((d) => log.findIndex((e) => e.ticket === d['ticket']))
    const ordered =
      docs.every((d, i) => d['order'] === i) &&
      arrivals.every((a, i) => i === 0 || a > arrivals[i - 1]!)
    if (failed.length || confirmed !== PLACES || waitlisted !== VOLUNTEERS - PLACES || !ordered)
      throw new Error(
        `wrong outcome: ${confirmed} confirmed, ${waitlisted} waitlisted, ${failed.length} failed (${JSON.stringify(failed[0])}), orders ${ordered ? 'in order' : 'broken'}`,
      )
    rates.push(VOLUNTEERS / seconds)
    all.push(...latencies)
    latencies.sort((a, b) => a - b)
    const at = (q: number) => quantile(latencies, q)
    console.log(
      `round ${r + 1}: ${VOLUNTEERS} signups in ${seconds.toFixed(2)} s = ${(VOLUNTEERS / seconds).toFixed(0)}/s; ` +
        `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${at(1).toFixed(0)} ms; ` +
        `${confirmed} confirmed, ${waitlisted} waitlisted in order`,
    )
  }
  all.sort((a, b) => a - b)
  const p = (q: number) => quantile(all, q)
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length
  console.log(
    `${VOLUNTEERS} concurrent signups for ${PLACES} places, ${ROUNDS} rounds, through the function runtime (≤16 instances), on disk:`,
  )
  console.log(
    `  ${mean.toFixed(0)} signups/s (mean of rounds)  p50 ${p(0.5).toFixed(0)} ms  p95 ${p(0.95).toFixed(0)} ms  max ${p(1).toFixed(0)} ms`,
  )
}

benchProjectCloud('volunteers', measure)

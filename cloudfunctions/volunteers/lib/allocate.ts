/**
 * Deciding places: confirmed while the capacity lasts, then the waitlist, strictly in order.
 *
 * A signup first writes its own document, `queued` (no contention: its id is its own). Then one
 * allocator at a time decides every queued signup of the project: it takes a short lease on the
 * project (an atomic conditional update, so of all that try at once exactly one gets it), then
 * in a transaction reads the counters and the queue (oldest first), gives each signup its order
 * and status, and writes the counters, the signups and the lease's release together. Everyone
 * else just looks at their own signup again a few milliseconds later, which the allocator has
 * usually decided by then. A crowd is thus served in batches (flat combining) instead of one
 * transaction per tap fighting over the same counters.
 *
 * Correctness does not rest on the lease: the counters change only in transactions that also
 * write the signups they count (here and in cancelSignup), so a conflict rolls one back and it
 * tries again; the capacity is never exceeded and the orders are unique and gapless. The lease
 * only keeps allocators from wasting each other's work, and expires if its holder dies.
 */
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type SignupDoc } from './model'
import { signupOpen } from './rules'
import { attemptTransaction, backoff, pause } from './transaction'
import { waitlistRank } from './views'

/** Signups decided per transaction. */
export const BATCH = 50
/** How long a lease lasts if its holder never releases it (a function that died). */
export const LEASE_MS = 3000
/** How long a signup waits for its place before giving up (the function's timeout is 20 s). */
export const SETTLE_MS = 15_000
/** How long a waiter first waits before looking at its signup again; then twice, four, eight times. */
export const WAIT_MS = 50

export interface Decision {
  status: 'confirmed' | 'waitlisted'
  order: number
  /** The place in the waitlist when decided (the last, then). */
  waitlistRank: number | null
}

/**
 * One transaction over the project's queue. Answers the decisions it made (by signup id), or
 * null on a conflict (rolled back; try again).
 */
async function allocateBatch(
  db: Database,
  projectId: string,
  now: Date,
): Promise<{ decided: Map<string, Decision>; more: boolean } | null> {
  // The queue is found outside the transaction (which reads single documents only), then each
  // signup is read again inside it: one decided meanwhile is left alone.
  const { data: waiting } = await db
    .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
    .where({ projectId, status: 'queued' })
    .orderBy('queuedAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(BATCH)
    .get()
  const outcome = await attemptTransaction(db, async (tx) => {
    const projects = tx.collection<ProjectDoc>(VOLUNTEER_COLLECTIONS.projects)
    const signups = tx.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
    const { data: project } = await projects.doc(projectId).get()
    const queue: SignupDoc[] = []
    for (const candidate of waiting) {
      const { data: signup } = await signups.doc(candidate._id).get()
      if (signup?.status === 'queued') queue.push(signup)
    }
    const decided = new Map<string, Decision>()
    if (!project) return { decided, more: false }
    if (queue.length > 0 && !signupOpen(project, now)) {
      // Closed while they waited: as if they had never tapped.
      for (const signup of queue) {
        if (signup.requeued) await signups.doc(signup._id).update({ data: { status: 'cancelled' } })
        else await signups.doc(signup._id).remove()
      }
    }
    let { confirmedCount, waitlistCount, nextOrder } = project
    if (signupOpen(project, now)) {
      for (const signup of queue) {
        const confirmed = confirmedCount < project.capacity
        if (confirmed) confirmedCount++
        else waitlistCount++
        decided.set(signup._id, {
          status: confirmed ? 'confirmed' : 'waitlisted',
          order: nextOrder++,
          waitlistRank: confirmed ? null : waitlistCount,
        })
      }
    }
    // The counters and the lease's release first: a concurrent writer of the project (another
    // allocator whose lease expired, a cancellation) fails here, before anything else is written.
    await projects.doc(projectId).update({
      data: { confirmedCount, waitlistCount, nextOrder, allocatingUntil: 0 },
    })
    for (const [id, { status, order, waitlistRank }] of decided) {
      await signups.doc(id).update({
        data: { status, order, ...(waitlistRank ? { rankAtSignup: waitlistRank } : {}) },
      })
    }
    return { decided, more: waiting.length === BATCH }
  })
  return outcome.conflict ? null : outcome.result
}

/** Takes the project's allocation lease if nobody holds it; answers whether this caller got it. */
async function takeLease(db: Database, projectId: string): Promise<boolean> {
  // The lease is timed by this function's clock (the real one: tests that move time do not
  // move leases); clocks of cloud instances agree far better than the lease's length.
  const t = Date.now()
  const { stats } = await db
    .collection<ProjectDoc>(VOLUNTEER_COLLECTIONS.projects)
    .where({ _id: projectId, allocatingUntil: db.command['lt']!(t) })
    .update({ data: { allocatingUntil: t + LEASE_MS } })
  return stats.updated === 1
}

export interface Settled {
  status: 'confirmed' | 'waitlisted'
  waitlistRank: number | null
}

/**
 * Until the signup `id` (just queued) is decided: allocate under the lease, or wait for whoever
 * holds it. Answers the decision, or null when the signup was refused (the project closed while
 * it waited).
 */
export async function settle(
  db: Database,
  projectId: string,
  id: string,
  now: Date,
): Promise<Settled | null> {
  const signups = db.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
  const deadline = Date.now() + SETTLE_MS
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    if (attempt > 0) {
      // Someone else is allocating: a batch takes a few tens of milliseconds. Waiting about that
      // long, then longer, keeps a crowd of waiters from drowning the allocator in reads.
      await pause(WAIT_MS * 2 ** Math.min(attempt - 1, 3) * (0.75 + Math.random() / 2))
      const { data } = await signups.doc(id).get()
      if (!data || data.status === 'cancelled') return null
      if (data.status !== 'queued')
        return {
          status: data.status,
          waitlistRank:
            data.status === 'waitlisted'
              ? (data.rankAtSignup ?? (await waitlistRank(db, data)))
              : null,
        }
    }
    if (!(await takeLease(db, projectId))) continue
    let conflicts = 0
    for (;;) {
      const batch = await allocateBatch(db, projectId, now)
      if (!batch) {
        // A cancellation wrote the project meanwhile: the lease is still ours, try again.
        await backoff(conflicts++)
        if (Date.now() >= deadline) break
        continue
      }
      const mine = batch.decided.get(id)
      if (mine) return { status: mine.status, waitlistRank: mine.waitlistRank }
      if (!batch.more) break
      // More queued than one batch: take the lease again (the batch released it) and go on.
      if (!(await takeLease(db, projectId))) break
    }
  }
  throw new AppError('CONFLICT', '报名的人太多了，请稍后再试')
}

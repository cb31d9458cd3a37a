/**
 * Deciding places: confirmed while the capacity lasts, then the waitlist, strictly in the order
 * of arrival, which is the order of the project's arrival log (lib/arrivals.ts).
 *
 * A signup first writes its own document, `queued` (no contention: its id is its own), then
 * appends its entry to the log. Then one allocator at a time goes on through the log: it takes a
 * short lease (an atomic conditional update of the log document, so of all that try at once
 * exactly one gets it), then in a transaction reads the counters, how far the log has been gone
 * through, the log and the signups of its next entries, gives each still-queued signup its order
 * and status, and writes the counters, the new position in the log and the signups together.
 * Everyone else just looks at their own signup again a few milliseconds later, which the
 * allocator has usually decided by then. A crowd is thus served in batches (flat combining)
 * instead of one transaction per tap fighting over the same counters.
 *
 * Correctness does not rest on the lease: the counters and the position in the log change only
 * in transactions that also write the signups they count (here and in cancelSignup), so a conflict
 * rolls one back and it tries again; the capacity is never exceeded, the orders are unique and
 * gapless and follow the log without an inversion. The lease only keeps allocators from wasting
 * each other's work, and expires if its holder dies or is slow: a waiter then allocates itself.
 * It lives on the log, which no transaction writes, so taking it over never aborts the slow
 * holder's batch: of two allocators, the first to commit wins and the other reads again.
 *
 * A waiter that still finds its signup queued when it must answer takes it back (withdraw), only
 * if still queued: so a signup call either answers the place decided, or an error and leaves no
 * signup behind; never an error while a place is given later.
 */
import type { Database } from '../../shared/cloud'
import { rejoin } from './arrivals'
import { VOLUNTEER_COLLECTIONS, type ArrivalLogDoc, type ProjectDoc, type SignupDoc } from './model'
import { signupOpen } from './rules'
import { attemptTransaction, backoff, pause } from './transaction'

/** Log entries gone through per transaction. */
export const BATCH = 50
/** How long a lease lasts unless its holder renews it between batches (it may have died). */
export const LEASE_MS = 3000
/** How long a waiter first waits before looking at its signup again; then twice, four, eight times. */
export const WAIT_MS = 50
/**
 * How long a signup waits for its place before taking it back (the function's timeout is 20 s).
 * A setting rather than a constant so that tests can make a waiter give up.
 */
export const timing = { settleMs: 15_000 }

/** A signup's answer: its place when decided. */
export interface Decision {
  status: 'confirmed' | 'waitlisted'
  /** The place in the waitlist when decided (the last, then). */
  waitlistRank: number | null
}

/** The answer a decided signup gave: a waitlisted one keeps its rank then, even once promoted. */
export function firstAnswer(signup: Pick<SignupDoc, 'rankAtSignup'>): Decision {
  return signup.rankAtSignup === undefined
    ? { status: 'confirmed', waitlistRank: null }
    : { status: 'waitlisted', waitlistRank: signup.rankAtSignup }
}

/** What became of the signup written with `ticket`: decided, still queued, or gone without a place. */
function decisionOf(signup: SignupDoc | null, ticket: string): Decision | 'pending' | 'gone' {
  if (!signup || signup.ticket !== ticket) return 'gone'
  if (signup.status === 'queued') return 'pending'
  // Sent back to cancelled without a place (a signup again, refused or withdrawn).
  if (signup.order < 0) return 'gone'
  return firstAnswer(signup)
}

/**
 * One transaction over the next entries of the log. Answers the decisions it made (by ticket),
 * or null on a conflict (rolled back; try again).
 */
async function allocateBatch(
  db: Database,
  projectId: string,
  now: Date,
): Promise<{ decided: Map<string, Decision>; more: boolean } | null> {
  const outcome = await attemptTransaction(db, async (tx) => {
    const projects = tx.collection<ProjectDoc>(VOLUNTEER_COLLECTIONS.projects)
    const signups = tx.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
    const { data: project } = await projects.doc(projectId).get()
    const decided = new Map<string, Decision>()
    if (!project) return { decided, more: false }
    // The log is only appended to, never written here: appends go on during the transaction
    // without a conflict, and are read by the next one.
    const { data: log } = await tx
      .collection<ArrivalLogDoc>(VOLUNTEER_COLLECTIONS.arrivals)
      .doc(projectId)
      .get()
    const from = project.arrivalsDecided ?? 0
    const all = log?.entries ?? []
    const entries = all.slice(from, from + BATCH)
    if (entries.length === 0) return { decided, more: false }
    const open = signupOpen(project, now)
    let { confirmedCount, waitlistCount, nextOrder } = project
    const writes: Array<() => Promise<unknown>> = []
    const seen = new Set<string>()
    for (const [i, { signupId, ticket }] of entries.entries()) {
      // An entry appended twice is decided at the first; one whose signup was taken back (or
      // written again since, with a new ticket) is passed over.
      if (seen.has(ticket)) continue
      seen.add(ticket)
      const { data: signup } = await signups.doc(signupId).get()
      if (signup?.status !== 'queued' || signup.ticket !== ticket) continue
      const doc = signups.doc(signupId)
      if (!open) {
        // Closed while they waited: as if they had never tapped.
        writes.push(() =>
          signup.requeued ? doc.update({ data: { status: 'cancelled' } }) : doc.remove(),
        )
        continue
      }
      const confirmed = confirmedCount < project.capacity
      if (confirmed) confirmedCount++
      else waitlistCount++
      const decision: Decision = confirmed
        ? { status: 'confirmed', waitlistRank: null }
        : { status: 'waitlisted', waitlistRank: waitlistCount }
      decided.set(ticket, decision)
      const data = { status: decision.status, order: nextOrder++, arrival: from + i }
      writes.push(() =>
        doc.update({
          data: confirmed ? data : { ...data, rankAtSignup: decision.waitlistRank },
        }),
      )
    }
    // The counters and the position in the log first: a concurrent writer of the project
    // (another allocator, a cancellation) fails here, before anything else is written.
    await projects.doc(projectId).update({
      data: { confirmedCount, waitlistCount, nextOrder, arrivalsDecided: from + entries.length },
    })
    for (const write of writes) await write()
    return { decided, more: from + entries.length < all.length }
  })
  return outcome.conflict ? null : outcome.result
}

/**
 * Moves the project's allocation lease from `held` (or from free or expired, when null) to
 * `next`; answers whether it did, that is whether this caller held it and holds it now.
 */
async function moveLease(
  db: Database,
  projectId: string,
  held: number | null,
  next: number,
): Promise<boolean> {
  const _ = db.command
  const { stats } = await db
    .collection<ArrivalLogDoc>(VOLUNTEER_COLLECTIONS.arrivals)
    .where({ _id: projectId, allocatingUntil: held ?? _['lt']!(Date.now()) })
    .update({ data: { allocatingUntil: next } })
  return stats.updated === 1
}

/** The lease's end if this caller took it, else null. */
async function takeLease(db: Database, projectId: string): Promise<number | null> {
  // The lease is timed by this function's clock (the real one: tests that move time do not
  // move leases); clocks of cloud instances agree far better than the lease's length. Its end is
  // also its holder's mark: renewing and releasing match it, so they fail once taken over.
  const until = Date.now() + LEASE_MS
  return (await moveLease(db, projectId, null, until)) ? until : null
}

/**
 * Goes through the log under the lease `until` until the signup `ticket` is decided, the log
 * ends or the lease is taken over; then releases it.
 */
async function allocateUnderLease(
  db: Database,
  projectId: string,
  ticket: string,
  now: Date,
  deadline: number,
  until: number,
): Promise<Decision | null> {
  let lease = until
  try {
    for (let conflicts = 0; ;) {
      const batch = await allocateBatch(db, projectId, now)
      if (!batch) {
        // Another allocator or a cancellation wrote the project meanwhile: read again.
        if (Date.now() >= deadline) return null
        await backoff(conflicts++)
        continue
      }
      const mine = batch.decided.get(ticket)
      if (mine) return mine
      if (!batch.more) return null
      // More in the log than one batch: go on while the lease is still ours.
      const renewed = Date.now() + LEASE_MS
      if (!(await moveLease(db, projectId, lease, renewed))) return null
      lease = renewed
    }
  } finally {
    await moveLease(db, projectId, lease, 0)
  }
}

/**
 * Until the signup `id`, written with `ticket` and in the log, is decided: allocate under the
 * lease, or wait for whoever holds it (and take it over once it expires). Answers the decision,
 * `gone` when it was refused (the project closed while it waited) or taken back, or `pending`
 * when still queued at the deadline (the caller then withdraws it or leaves it to be decided).
 */
export async function settle(
  db: Database,
  projectId: string,
  id: string,
  ticket: string,
  now: Date,
): Promise<Decision | 'pending' | 'gone'> {
  const signups = db.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
  const deadline = Date.now() + timing.settleMs
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    if (attempt > 0) {
      // Someone else is allocating: a batch takes a few tens of milliseconds. Waiting about that
      // long, then longer, keeps a crowd of waiters from drowning the allocator in reads.
      await pause(WAIT_MS * 2 ** Math.min(attempt - 1, 3) * (0.75 + Math.random() / 2))
      const seen = decisionOf((await signups.doc(id).get()).data, ticket)
      if (seen !== 'pending') return seen
    }
    const lease = await takeLease(db, projectId)
    if (lease === null) continue
    const mine = await allocateUnderLease(db, projectId, ticket, now, deadline, lease)
    if (mine) return mine
  }
  return 'pending'
}

/**
 * A queued signup met by another call (the volunteer's page, a cancellation): decided now if it
 * can be, else left queued for its own call or a later one. Nothing is taken back here.
 */
export async function settleQueued(db: Database, signup: SignupDoc, now: Date): Promise<void> {
  const ticket = await rejoin(db, signup)
  if (ticket !== null) await settle(db, signup.projectId, signup._id, ticket, now)
}

/**
 * Takes back the signup written with `ticket` if it is still queued: removed, or sent back to
 * cancelled if it was a signup again. Answers `gone` when taken back, else the decision that
 * came first (the conditional write then matched nothing).
 */
export async function withdraw(
  db: Database,
  id: string,
  ticket: string,
): Promise<Decision | 'gone'> {
  const signups = db.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
  // Ends: a write that matches nothing means the signup left `queued`, which it never re-enters
  // with the same ticket.
  for (;;) {
    const { data } = await signups.doc(id).get()
    const seen = decisionOf(data, ticket)
    if (seen !== 'pending') return seen
    const mine = signups.where({ _id: id, status: 'queued', ticket })
    const changed = data?.requeued
      ? (await mine.update({ data: { status: 'cancelled' } })).stats.updated
      : (await mine.remove()).stats.removed
    if (changed === 1) return 'gone'
  }
}

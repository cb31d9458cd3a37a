/**
 * The order of arrival, defined exactly: a signup arrives when its entry is appended to the
 * project's arrival log (one document per project, `_.push`, which the database applies one at a
 * time). The entry is appended only once the signup's own document exists, so every entry the
 * allocator reads names a document it can read too; the allocator goes through the log in order
 * (lib/allocate.ts). A timestamp would not do: it is taken before the write it dates, and two
 * writes can become visible in the other order.
 */
import { randomBytes } from 'node:crypto'
import type { Database } from '../../shared/cloud'
import { isDuplicateKey } from '../../shared/idempotency'
import { VOLUNTEER_COLLECTIONS, type ArrivalLogDoc, type SignupDoc } from './model'

export function newTicket(): string {
  return randomBytes(9).toString('base64url')
}

/** Appends the signup's entry to the project's log, which the first signup creates. */
export async function enqueue(
  db: Database,
  projectId: string,
  signupId: string,
  ticket: string,
): Promise<void> {
  const logs = db.collection<ArrivalLogDoc>(VOLUNTEER_COLLECTIONS.arrivals)
  const entry = { signupId, ticket }
  const push = () => logs.doc(projectId).update({ data: { entries: db.command['push']!([entry]) } })
  if ((await push()).stats.updated === 1) return
  try {
    await logs.add({ data: { _id: projectId, projectId, entries: [entry], allocatingUntil: 0 } })
  } catch (error) {
    // Another first signup created it meanwhile.
    if (!isDuplicateKey(error)) throw error
    await push()
  }
}

/**
 * A queued signup met by another call (a retry of its request, the volunteer's page): whatever
 * became of the call that wrote it, its entry is in the log after this (appended again if that
 * call stopped before appending it; the allocator takes the first entry and skips the other).
 * Answers its ticket, or null if it turns out to be decided already.
 */
export async function rejoin(db: Database, signup: SignupDoc): Promise<string | null> {
  let ticket = signup.ticket
  if (ticket === undefined) {
    // Queued before there was a log: it gets a ticket (the first call to try gives it).
    const signups = db.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
    await signups
      .where({ _id: signup._id, status: 'queued', ticket: db.command['exists']!(false) })
      .update({ data: { ticket: newTicket() } })
    const { data } = await signups.doc(signup._id).get()
    if (data?.status !== 'queued' || data.ticket === undefined) return null
    ticket = data.ticket
  }
  const { data: log } = await db
    .collection<ArrivalLogDoc>(VOLUNTEER_COLLECTIONS.arrivals)
    .doc(signup.projectId)
    .get()
  if (!log?.entries.some((e) => e.signupId === signup._id && e.ticket === ticket))
    await enqueue(db, signup.projectId, signup._id, ticket)
  return ticket
}

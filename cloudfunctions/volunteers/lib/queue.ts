/**
 * A signup's way through the queue: its document written (or a cancelled one reopened, or the one
 * an earlier call of the same request wrote), its entry in the arrival log, then its place, or
 * the signup taken back so that the call can answer an error with nothing left behind.
 */
import type { Database } from '../../shared/cloud'
import { AppError, isAppError } from '../../shared/errors'
import { isDuplicateKey } from '../../shared/idempotency'
import { firstAnswer, settle, withdraw, type Decision } from './allocate'
import { enqueue, rejoin } from './arrivals'
import { VOLUNTEER_COLLECTIONS, type SignupDoc } from './model'

/** A new signup's document, with the ticket of its entry in the arrival log. */
export type Fresh = Omit<SignupDoc, '_id'> & { ticket: string }

interface Joined {
  projectId: string
  ticket: string
  /** Written by this call, so not yet in the arrival log. */
  written: boolean
}

/** The place of this call's signup, or `gone`: an error leaves no signup of this call behind. */
export async function signUp(
  db: Database,
  id: string,
  fresh: Fresh,
  now: Date,
): Promise<Decision | 'gone'> {
  let joined: Joined | { answer: Decision | 'gone' }
  try {
    joined = await join(db, id, fresh)
  } catch (error) {
    // A write whose answer was lost may have landed all the same: this call's own is taken back.
    if (!isAppError(error)) await withdraw(db, id, fresh.ticket)
    throw error
  }
  return 'answer' in joined ? joined.answer : placeOf(db, id, joined, now)
}

/** The place of the signup written with `ticket`, or `gone` once taken back: never left undecided. */
async function placeOf(
  db: Database,
  id: string,
  { projectId, ticket, written }: Joined,
  now: Date,
): Promise<Decision | 'gone'> {
  try {
    if (written) await enqueue(db, projectId, id, ticket)
    const outcome = await settle(db, projectId, id, ticket, now)
    return outcome === 'pending' ? await withdraw(db, id, ticket) : outcome
  } catch (error) {
    // Whatever failed, this call answers an error: its signup must not stay, to be placed later.
    const after = await withdraw(db, id, ticket)
    if (after === 'gone') throw error
    return after
  }
}

/**
 * Into the queue: a new document, or a cancelled one of mine reopened, or the one another call of
 * this same request wrote (then already in the arrival log). Answers the signup to wait for, or
 * the first answer when this request was decided already.
 */
async function join(
  db: Database,
  id: string,
  fresh: Fresh,
): Promise<Joined | { answer: Decision | 'gone' }> {
  const _ = db.command
  const signups = db.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
  const written = { projectId: fresh.projectId, ticket: fresh.ticket, written: true }
  try {
    await signups.add({ data: { _id: id, ...fresh } })
    return written
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  // Reopened unless it is this very request, decided and cancelled since: that one is answered
  // as it was, not signed up again.
  const { stats } = await signups
    .where(
      _['and']!([
        { _id: id, status: 'cancelled' },
        _['or']!([{ requestId: _['neq']!(fresh.requestId) }, { order: _['lt']!(0) }]),
      ]) as Record<string, unknown>,
    )
    .update({
      data: {
        ...fresh,
        requeued: true,
        arrival: _['remove']!(),
        promotedAt: _['remove']!(),
        promotionOrder: _['remove']!(),
        cancelledAt: _['remove']!(),
        cancelledBy: _['remove']!(),
        rankAtSignup: _['remove']!(),
      },
    })
  if (stats.updated === 1) return written
  // Another call holds it: of this same request, it is answered as that call is (if that call
  // stopped, this one carries its signup on); a new request is refused.
  const { data: held } = await signups.doc(id).get()
  if (held?.requestId === fresh.requestId) {
    if (held.order >= 0) return { answer: firstAnswer(held) }
    if (held.status === 'queued') {
      const heldTicket = await rejoin(db, held)
      if (heldTicket !== null)
        return { projectId: held.projectId, ticket: heldTicket, written: false }
      const { data: decided } = await signups.doc(id).get()
      const answered = decided?.requestId === fresh.requestId && decided.order >= 0
      return { answer: answered ? firstAnswer(decided) : 'gone' }
    }
  }
  // Gone or back to cancelled meanwhile (taken back by another call): nothing is held, try again.
  if (!held || held.status === 'cancelled') return { answer: 'gone' }
  throw new AppError('ALREADY_EXISTS', '您已经报名了这个项目')
}

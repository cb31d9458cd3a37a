import type { CancelSignupResult } from '../../../typings/volunteers'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { getProject, refuseCancelled, signupId } from '../lib/access'
import { projectId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type SignupDoc } from '../lib/model'
import { settleQueued } from '../lib/allocate'
import { notify } from '../lib/notify'
import { inTransaction, TransactionConflict } from '../lib/transaction'

/**
 * A volunteer gives up their place or their turn on the waitlist, until the project starts.
 * Before the signup deadline the first volunteer waiting takes the freed place in the same
 * transaction, and is told by a subscribe message; after it, the place stays empty.
 */
export const cancelSignup = defineAction({
  input: input({ projectId: projectId() }),
  async run({ projectId: id }, context): Promise<CancelSignupResult> {
    const db = context.cloud.database()
    const project = await getProject(db, id)
    const now = context.now()
    refuseCancelled(project)
    if (now.getTime() >= new Date(project.startAt).getTime())
      throw new AppError('FAILED_PRECONDITION', '项目已经开始，不能再取消报名，请联系组织者')
    const mine = signupId(id, context.openid)
    const { data: own } = await db
      .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
      .doc(mine)
      .get()
    // Tapped signup and then cancel at once: the signup is decided first.
    if (own?.status === 'queued') await settleQueued(db, own, now)

    const promoted = await inTransaction(db, async (tx) => {
      const projects = tx.collection<ProjectDoc>(VOLUNTEER_COLLECTIONS.projects)
      const signups = tx.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
      const { data: current } = await projects.doc(id).get()
      const { data: signup } = await signups.doc(mine).get()
      refuseCancelled(current)
      if (!signup || signup.status === 'cancelled')
        throw new AppError('FAILED_PRECONDITION', '您没有报名这个项目')
      if (signup.status === 'queued') throw new AppError('CONFLICT', '报名还在处理中，请稍后再试')
      if (signup.checkIn)
        throw new AppError('FAILED_PRECONDITION', '您已经签到了，不能再取消报名，请联系组织者')
      const counters: Partial<ProjectDoc> = {}
      let next: SignupDoc | null = null
      if (signup.status === 'waitlisted') {
        counters.waitlistCount = current.waitlistCount - 1
      } else if (
        current.waitlistCount > 0 &&
        now.getTime() < new Date(current.signupDeadline).getTime()
      ) {
        // Found outside the transaction (single documents only inside), read again inside: if
        // another cancellation promoted it meanwhile, the writes below conflict and all is redone.
        const { data: first } = await db
          .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
          .where({ projectId: id, status: 'waitlisted' })
          .orderBy('order', 'asc')
          .limit(1)
          .get()
        const candidate = first[0] ? (await signups.doc(first[0]._id).get()).data : null
        if (first[0] && candidate?.status !== 'waitlisted') {
          throw new TransactionConflict()
        }
        next = candidate
      }
      if (signup.status === 'confirmed') {
        if (next) {
          counters.waitlistCount = current.waitlistCount - 1
          counters.promotions = current.promotions + 1
        } else {
          counters.confirmedCount = current.confirmedCount - 1
        }
      }
      await projects.doc(id).update({ data: counters })
      await signups.doc(mine).update({
        data: { status: 'cancelled', cancelledAt: now, cancelledBy: 'self' },
      })
      if (next) {
        await signups.doc(next._id).update({
          data: { status: 'confirmed', promotedAt: now, promotionOrder: current.promotions },
        })
      }
      return next
    })

    if (promoted) {
      await notify(context.cloud, promoted.openid, 'volunteerPromoted', {
        projectId: id,
        title: project.title,
        startAt: project.startAt,
        note: '候补成功，您已正式报名',
      })
    }
    return { projectId: id, status: 'cancelled', promoted: promoted !== null }
  },
})

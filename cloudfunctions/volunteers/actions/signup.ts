import { z } from 'zod'
import type { SignupResult } from '../../../typings/volunteers'
import { requirePrivacyAgreed } from '../../shared/caller'
import { AppError } from '../../shared/errors'
import { isDuplicateKey } from '../../shared/idempotency'
import { byIds } from '../../shared/lookups'
import { COLLECTIONS, type UserDoc } from '../../shared/model'
import { defineAction } from '../../shared/router'
import { input, requestId, text } from '../../shared/validation'
import {
  approvedTeamIds,
  displayNameOf,
  getProject,
  refuseCancelled,
  signupId,
} from '../lib/access'
import { settle } from '../lib/allocate'
import { newPassCode } from '../lib/codes'
import { projectId, teamId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type SignupDoc, type TeamDoc } from '../lib/model'
import { overlapsFor } from '../lib/overlaps'
import { signupOpen } from '../lib/rules'
import { waitlistRank } from '../lib/views'

function refuseClosed(project: ProjectDoc, now: Date): void {
  refuseCancelled(project)
  if (!signupOpen(project, now)) throw new AppError('FAILED_PRECONDITION', '报名已截止')
}

/**
 * 志愿者报名. A place while there is one, else the waitlist in order of arrival. The signup's
 * id (`<projectId>_<openid>`) makes a second place for the same volunteer impossible; the place
 * is decided by lib/allocate.ts in transactions that write the project's counters with the
 * signups they count, so however many tap at once the capacity is never exceeded and the
 * waitlist keeps its order. The same request again answers its first result; a new request for
 * a held place is refused. Refusals happen before anything is written.
 */
export const signup = defineAction({
  input: input({
    projectId: projectId(),
    teamId: teamId().optional(),
    name: text('姓名', { max: 20 }).optional(),
    confirmSkills: z.boolean().optional(),
    requestId: requestId(),
  }),
  async run(request, context): Promise<SignupResult> {
    const db = context.cloud.database()
    const _ = db.command
    const id = signupId(request.projectId, context.openid)
    const [{ data: user }, project, memberOf] = await Promise.all([
      db.collection<UserDoc>(COLLECTIONS.users).doc(context.openid).get(),
      getProject(db, request.projectId),
      approvedTeamIds(db, context.openid),
    ])
    const now = context.now()
    refuseClosed(project, now)
    requirePrivacyAgreed(user?.deleted ? null : user)
    const signups = db.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)

    if (project.skills.length > 0 && request.confirmSkills !== true) {
      throw new AppError('INVALID_ARGUMENT', `请确认您具备：${project.skills.join('、')}`, [
        { field: 'confirmSkills', message: '请确认具备项目要求的条件' },
      ])
    }
    if (project.conditionTeamIds.length > 0) {
      if (!memberOf.some((t) => project.conditionTeamIds.includes(t))) {
        const teams = await byIds<TeamDoc>(
          db,
          VOLUNTEER_COLLECTIONS.teams,
          project.conditionTeamIds,
        )
        const names = project.conditionTeamIds.map((t) => `“${teams.get(t)?.name ?? t}”`)
        throw new AppError('PERMISSION_DENIED', `这个项目只接受${names.join('、')}的队员报名`)
      }
    }
    if (request.teamId !== undefined) {
      if (!memberOf.includes(request.teamId))
        throw new AppError('INVALID_ARGUMENT', '您不是这支服务队的队员', [
          { field: 'teamId', message: '不是这支服务队的队员' },
        ])
      if (project.conditionTeamIds.length > 0 && !project.conditionTeamIds.includes(request.teamId))
        throw new AppError('INVALID_ARGUMENT', '这个项目不接受这支服务队的报名', [
          { field: 'teamId', message: '不在限定的服务队中' },
        ])
    }
    // Whose hours these are: the team named, else the one the project asked for or invited.
    const team =
      request.teamId ??
      memberOf.find((t) => project.conditionTeamIds.includes(t)) ??
      memberOf.find((t) => project.invitedTeamIds.includes(t)) ??
      memberOf[0] ??
      null
    const name = request.name ?? displayNameOf({ user })

    const fresh: Omit<SignupDoc, '_id'> = {
      projectId: project._id,
      communityId: project.communityId,
      openid: context.openid,
      name,
      teamId: team,
      status: 'queued',
      queuedAt: now,
      order: -1,
      requestId: request.requestId,
      signedUpAt: now,
      passCode: newPassCode(),
      title: project.title,
      serviceType: project.serviceType,
      place: project.place,
      startAt: project.startAt,
      endAt: project.endAt,
      month: project.month,
      organisingBody: project.organisingBody,
      hoursStatus: 'none',
    }
    // Into the queue: a new document, or a cancelled one of mine reopened. Only one tap of
    // mine gets in; the place itself is decided by lib/allocate.ts.
    try {
      await signups.add({ data: { _id: id, ...fresh } })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      const { stats } = await signups.where({ _id: id, status: 'cancelled' }).update({
        data: {
          ...fresh,
          requeued: true,
          promotedAt: _['remove']!(),
          promotionOrder: _['remove']!(),
          cancelledAt: _['remove']!(),
          cancelledBy: _['remove']!(),
          rankAtSignup: _['remove']!(),
        },
      })
      if (stats.updated !== 1) {
        // Another tap of mine holds it: the same request waits for its answer, a new one is refused.
        const { data: held } = await signups.doc(id).get()
        if (!held || held.requestId !== request.requestId || held.status === 'cancelled')
          throw new AppError('ALREADY_EXISTS', '您已经报名了这个项目')
        if (held.status !== 'queued')
          return {
            projectId: project._id,
            status: held.status,
            waitlistRank: await waitlistRank(db, held),
            overlaps: await overlapsFor(db, context.openid, project, id),
          }
      }
    }
    const settled = await settle(db, project._id, id, now)
    if (!settled) {
      refuseClosed(await getProject(db, project._id), now)
      throw new AppError('FAILED_PRECONDITION', '报名已截止')
    }
    return {
      projectId: project._id,
      status: settled.status,
      waitlistRank: settled.waitlistRank,
      overlaps: await overlapsFor(db, context.openid, project, id),
    }
  },
})

import { z } from 'zod'
import type { SignupResult } from '../../../typings/volunteers'
import { loadCaller } from '../../shared/caller'
import { AppError } from '../../shared/errors'
import { byIds } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { input, requestId, text } from '../../shared/validation'
import {
  approvedTeamIds,
  displayNameOf,
  getProject,
  requirePrivacyAgreed,
  signupId,
} from '../lib/access'
import { newPassCode } from '../lib/codes'
import { projectId, teamId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type SignupDoc, type TeamDoc } from '../lib/model'
import { overlapsFor } from '../lib/overlaps'
import { signupOpen } from '../lib/rules'
import { inTransaction } from '../lib/transaction'
import { waitlistRank } from '../lib/views'

function refuseClosed(project: ProjectDoc, now: Date): void {
  if (project.status === 'cancelled') throw new AppError('FAILED_PRECONDITION', '这个项目已取消')
  if (!signupOpen(project, now)) throw new AppError('FAILED_PRECONDITION', '报名已截止')
}

/**
 * 志愿者报名. A place while there is one, else the waitlist in order of arrival. The place is
 * decided in a transaction that reads and writes the project's counters, so however many tap at
 * once the places are never more than the capacity and every signup gets its own order; the
 * signup's id (`<projectId>_<openid>`) makes a second place for the same volunteer impossible.
 * The same request again answers its first result; a new request for a held place is refused.
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
    const [caller, project] = await Promise.all([
      loadCaller(db, context.openid),
      getProject(db, request.projectId),
    ])
    const now = context.now()
    refuseClosed(project, now)
    requirePrivacyAgreed(caller)
    const signups = db.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
    const id = signupId(project._id, context.openid)
    const answer = async (doc: SignupDoc): Promise<SignupResult> => ({
      projectId: project._id,
      status: doc.status === 'waitlisted' ? 'waitlisted' : 'confirmed',
      waitlistRank: await waitlistRank(db, doc),
      overlaps: await overlapsFor(db, context.openid, project, id),
    })
    const held = (await signups.doc(id).get()).data
    if (held && held.status !== 'cancelled') {
      if (held.requestId === request.requestId) return answer(held)
      throw new AppError('ALREADY_EXISTS', '您已经报名了这个项目')
    }

    if (project.skills.length > 0 && request.confirmSkills !== true) {
      throw new AppError('INVALID_ARGUMENT', `请确认您具备：${project.skills.join('、')}`, [
        { field: 'confirmSkills', message: '请确认具备项目要求的条件' },
      ])
    }
    const memberOf = await approvedTeamIds(db, context.openid)
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
    const name = request.name ?? displayNameOf(caller)

    const doc = await inTransaction(db, async (tx) => {
      const projects = tx.collection<ProjectDoc>(VOLUNTEER_COLLECTIONS.projects)
      const places = tx.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
      const { data: current } = await projects.doc(project._id).get()
      if (!current) throw new AppError('NOT_FOUND', '没有找到这个志愿项目')
      refuseClosed(current, now)
      const { data: existing } = await places.doc(id).get()
      if (existing && existing.status !== 'cancelled') {
        if (existing.requestId === request.requestId) return existing
        throw new AppError('ALREADY_EXISTS', '您已经报名了这个项目')
      }
      const confirmed = current.confirmedCount < current.capacity
      // The project first: of all that tap at once, only one gets this far per turn.
      await projects.doc(project._id).update({
        data: confirmed
          ? { confirmedCount: current.confirmedCount + 1, nextOrder: current.nextOrder + 1 }
          : { waitlistCount: current.waitlistCount + 1, nextOrder: current.nextOrder + 1 },
      })
      const fresh: Omit<SignupDoc, '_id'> = {
        projectId: project._id,
        communityId: project.communityId,
        openid: context.openid,
        name,
        teamId: team,
        status: confirmed ? 'confirmed' : 'waitlisted',
        order: current.nextOrder,
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
      await places.doc(id).set({ data: fresh })
      return { _id: id, ...fresh }
    })
    return answer(doc)
  },
})

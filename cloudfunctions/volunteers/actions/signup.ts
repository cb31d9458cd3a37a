import { z } from 'zod'
import type { SignupResult } from '../../../typings/volunteers'
import { requirePrivacyAgreed } from '../../shared/caller'
import { AppError } from '../../shared/errors'
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
import { newTicket } from '../lib/arrivals'
import { newPassCode } from '../lib/codes'
import { projectId, teamId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type TeamDoc } from '../lib/model'
import { overlapsFor } from '../lib/overlaps'
import { signUp, type Fresh } from '../lib/queue'
import { signupOpen } from '../lib/rules'

function refuseClosed(project: ProjectDoc, now: Date): void {
  refuseCancelled(project)
  if (!signupOpen(project, now)) throw new AppError('FAILED_PRECONDITION', '报名已截止')
}

/**
 * 志愿者报名. A place while there is one, else the waitlist, in the order of arrival: the order
 * of the project's arrival log (lib/arrivals.ts), which the signup joins once its document is
 * written. The signup's id (`<projectId>_<openid>`) makes a second place for the same volunteer
 * impossible; the place is decided by lib/allocate.ts in transactions that write the project's
 * counters with the signups they count, so however many tap at once the capacity is never
 * exceeded and the waitlist follows the arrival log exactly.
 *
 * Every call answers its place, or an error and leaves no signup behind: a refusal happens before
 * anything is written, and a signup still undecided when the call must answer is taken back. The
 * same request again answers its first result; a new request for a held place is refused.
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
    const id = signupId(request.projectId, context.openid)
    const [{ data: user }, project, memberOf] = await Promise.all([
      db.collection<UserDoc>(COLLECTIONS.users).doc(context.openid).get(),
      getProject(db, request.projectId),
      approvedTeamIds(db, context.openid),
    ])
    const now = context.now()
    refuseClosed(project, now)
    requirePrivacyAgreed(user?.deleted ? null : user)

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

    const fresh: Fresh = {
      projectId: project._id,
      communityId: project.communityId,
      openid: context.openid,
      name: request.name ?? displayNameOf({ user }),
      teamId: team,
      status: 'queued',
      ticket: newTicket(),
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
    const outcome = await signUp(db, id, fresh, now)
    if (outcome === 'gone') {
      // Refused as the project closed, or taken back: nothing of this call is left.
      refuseClosed(await getProject(db, project._id), now)
      throw new AppError('CONFLICT', '报名的人太多了，请稍后再试')
    }
    return {
      projectId: project._id,
      ...outcome,
      overlaps: await overlapsFor(db, context.openid, project, id),
    }
  },
})

import { z } from 'zod'
import type { InvitedTeamView } from '../../../typings/volunteers'
import { appendAudit } from '../../shared/audit'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input, oneOf, text } from '../../shared/validation'
import { getProject, getTeam, refuseCancelled, responseId } from '../lib/access'
import { projectId, teamId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type TeamResponseDoc } from '../lib/model'

/**
 * 同盟响应: the leader of an invited team accepts (pledging how many places the team will fill)
 * or declines. The answer can be changed until the project starts.
 */
export const respondToProject = defineAction({
  input: input({
    projectId: projectId(),
    teamId: teamId(),
    decision: oneOf('响应', ['accept', 'decline']),
    places: z
      .number({ error: '请填写认领人数' })
      .int({ error: '认领人数须为整数' })
      .min(1, { error: '认领人数至少 1 人' })
      .max(1000, { error: '认领人数最多 1000 人' })
      .optional(),
    note: text('留言', { max: 100 }).optional(),
  }).refine((value) => value.decision === 'decline' || value.places !== undefined, {
    error: '接受邀请时请填写认领人数',
    path: ['places'],
  }),
  async run(
    { projectId: id, teamId: team, decision, places, note },
    context,
  ): Promise<InvitedTeamView> {
    const db = context.cloud.database()
    const [project, teamDoc] = await Promise.all([getProject(db, id), getTeam(db, team)])
    if (!project.invitedTeamIds.includes(team))
      throw new AppError('FAILED_PRECONDITION', '这个项目没有邀请贵队')
    refuseCancelled(project)
    if (context.now().getTime() >= new Date(project.startAt).getTime())
      throw new AppError('FAILED_PRECONDITION', '项目已经开始，不能再更改响应')
    const responses = db.collection<TeamResponseDoc>(VOLUNTEER_COLLECTIONS.responses)
    const { data: before } = await responses.doc(responseId(id, team)).get()
    const change = {
      status: decision === 'accept' ? ('accepted' as const) : ('declined' as const),
      places: decision === 'accept' ? places! : 0,
      note: note ?? '',
      respondedBy: context.openid,
      respondedAt: context.now(),
    }
    await responses.doc(responseId(id, team)).set({
      data: {
        projectId: id,
        teamId: team,
        communityId: project.communityId,
        title: project.title,
        startAt: project.startAt,
        invitedAt: before?.invitedAt ?? context.now(),
        ...change,
      },
    })
    await appendAudit(db, {
      actor: context.openid,
      action: 'volunteers.respondToProject',
      target: { collection: VOLUNTEER_COLLECTIONS.responses, id: responseId(id, team) },
      communityId: project.communityId,
      before: before ? { status: before.status, places: before.places } : null,
      after: { status: change.status, places: change.places },
    })
    return {
      teamId: team,
      name: teamDoc.name,
      status: change.status,
      places: change.places,
      note: change.note || null,
    }
  },
})

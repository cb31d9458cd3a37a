import { z } from 'zod'
import type { ProjectDetail } from '../../../typings/volunteers'
import { defineAction } from '../../shared/router'
import { docId, input, requestId, text } from '../../shared/validation'
import { instant, serviceType, teamIdList } from '../lib/fields'
import { launchProject, projectDetail } from '../lib/projects'

/**
 * 党支部发起: staff launch a project in their community and invite teams of the alliance.
 * Repeating the same request answers the project it created.
 */
export const createProject = defineAction({
  input: input({
    communityId: docId('社区'),
    title: text('项目名称', { max: 30 }),
    description: text('项目介绍', { max: 500 }),
    serviceType: serviceType(),
    place: text('服务地点', { max: 50 }),
    startAt: instant('开始时间'),
    endAt: instant('结束时间'),
    signupDeadline: instant('报名截止时间'),
    capacity: z
      .number({ error: '请填写招募人数' })
      .int({ error: '招募人数须为整数' })
      .min(1, { error: '招募人数至少 1 人' })
      .max(1000, { error: '招募人数最多 1000 人' }),
    invitedTeamIds: teamIdList('邀请的服务队').optional(),
    conditionTeamIds: teamIdList('限定的服务队').optional(),
    skills: z
      .array(text('技能要求', { max: 20 }))
      .max(5, { error: '技能要求最多 5 项' })
      .optional(),
    organisingBody: text('组织单位', { max: 40 }).optional(),
    helpRequestId: docId('求助').optional(),
    requestId: requestId(),
  }),
  async run(fields, context): Promise<ProjectDetail> {
    const db = context.cloud.database()
    const caller = await context.caller()
    const now = context.now()
    const project = await launchProject(
      db,
      caller,
      {
        ...fields,
        startAt: new Date(fields.startAt),
        endAt: new Date(fields.endAt),
        signupDeadline: new Date(fields.signupDeadline),
        invitedTeamIds: fields.invitedTeamIds ?? [],
        conditionTeamIds: fields.conditionTeamIds ?? [],
        skills: fields.skills ?? [],
      },
      fields.requestId,
      now,
    )
    return projectDetail(db, caller, project, now)
  },
})

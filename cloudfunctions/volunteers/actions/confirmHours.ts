import { z } from 'zod'
import type { ConfirmHoursResult } from '../../../typings/volunteers'
import { appendAudit } from '../../shared/audit'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input, oneOf, text } from '../../shared/validation'
import { getProject, refuseCancelled, signupId } from '../lib/access'
import { openid, projectId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type SignupDoc } from '../lib/model'
import { hoursOf, MAX_SERVICE_MINUTES } from '../lib/rules'

/**
 * The organiser confirms a volunteer's service minutes as computed from check-in and check-out,
 * or corrects them with a reason, and gives the evaluation the record carries. Confirming again
 * corrects again. Every confirmation is audited with what it replaced.
 */
export const confirmHours = defineAction({
  input: input({
    projectId: projectId(),
    openid: openid(),
    minutes: z
      .number({ error: '请填写服务时长' })
      .int({ error: '服务时长按分钟计，须为整数' })
      .min(0, { error: '服务时长不能为负' })
      .max(MAX_SERVICE_MINUTES, { error: '服务时长不能超过 24 小时' })
      .optional(),
    reason: text('修改原因', { max: 100 }).optional(),
    evaluation: oneOf('服务评价', ['excellent', 'good', 'satisfactory']),
  }),
  async run(request, context): Promise<ConfirmHoursResult> {
    const db = context.cloud.database()
    const project = await getProject(db, request.projectId)
    const now = context.now()
    refuseCancelled(project)
    if (now.getTime() < new Date(project.startAt).getTime())
      throw new AppError('FAILED_PRECONDITION', '项目开始后才能确认服务时长')
    const id = signupId(project._id, request.openid)
    const signups = db.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
    const { data: signup } = await signups.doc(id).get()
    if (!signup || signup.status !== 'confirmed')
      throw new AppError('FAILED_PRECONDITION', '这位志愿者没有正式报名本项目')
    const computed = signup.computedMinutes
    if (request.minutes === undefined && computed === undefined)
      throw new AppError('FAILED_PRECONDITION', '这位志愿者还没有签退，请填写实际服务时长', [
        { field: 'minutes', message: '请填写服务时长' },
      ])
    const minutes = request.minutes ?? computed!
    const corrected = minutes !== computed
    if (corrected && !request.reason)
      throw new AppError('INVALID_ARGUMENT', '修改服务时长请写明原因', [
        { field: 'reason', message: '请写明修改原因' },
      ])
    const change = {
      hoursStatus: 'confirmed' as const,
      confirmedMinutes: minutes,
      corrected,
      evaluation: request.evaluation,
      confirmedBy: context.openid,
      confirmedAt: now,
      ...(corrected ? { correctionReason: request.reason! } : {}),
    }
    await signups.doc(id).update({ data: change })
    await appendAudit(db, {
      actor: context.openid,
      action: corrected ? 'volunteers.correctHours' : 'volunteers.confirmHours',
      target: { collection: VOLUNTEER_COLLECTIONS.signups, id },
      communityId: project.communityId,
      before: {
        hoursStatus: signup.hoursStatus,
        computedMinutes: computed ?? null,
        confirmedMinutes: signup.confirmedMinutes ?? null,
        evaluation: signup.evaluation ?? null,
      },
      after: { confirmedMinutes: minutes, evaluation: request.evaluation },
      ...(corrected ? { reason: request.reason! } : {}),
    })
    return {
      projectId: project._id,
      openid: request.openid,
      name: signup.name,
      confirmedMinutes: minutes,
      hours: hoursOf(minutes),
      corrected,
      evaluation: request.evaluation,
    }
  },
})

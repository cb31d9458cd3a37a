import { z } from 'zod'
import type { ScanResult } from '../../../typings/volunteers'
import { appendAudit } from '../../shared/audit'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { getProject } from '../lib/access'
import {
  checkResult,
  recordCheckIn,
  recordCheckOut,
  requireCheckTime,
  requirePlace,
  secretOf,
} from '../lib/checkin'
import { parsePass } from '../lib/codes'
import { projectId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type SignupDoc } from '../lib/model'

/**
 * The organiser scans a volunteer's pass: the first scan checks them in, the next checks them
 * out. Audited, as every write by staff is.
 */
export const scanPass = defineAction({
  input: input({
    projectId: projectId(),
    pass: z
      .string({ error: '没有读到签到码' })
      .regex(/^[a-z0-9]{8}\d{6}$/, { error: '这不是本项目志愿者的签到码' }),
  }),
  async run({ projectId: id, pass }, context): Promise<ScanResult> {
    const db = context.cloud.database()
    const project = await getProject(db, id)
    const now = context.now()
    const { passCode, valid } = parsePass(await secretOf(db, id), pass, now)
    const { data } = await db
      .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
      .where({ projectId: id, passCode })
      .limit(1)
      .get()
    if (!data[0]) throw new AppError('NOT_FOUND', '这不是本项目志愿者的签到码')
    if (!valid) throw new AppError('FAILED_PRECONDITION', '签到码已过期，请志愿者刷新后再扫')
    const signup = requirePlace(data[0])
    const checkingIn = !signup.checkIn
    requireCheckTime(project, now, checkingIn ? 'checkIn' : 'checkOut')
    if (signup.checkOut) throw new AppError('ALREADY_EXISTS', `${signup.name}已经签退了`)
    const event = { at: now, method: 'scan' as const, by: context.openid }
    const done = checkingIn
      ? await recordCheckIn(db, signup, event)
      : await recordCheckOut(db, project, signup, event)
    await appendAudit(db, {
      actor: context.openid,
      action: checkingIn ? 'volunteers.scanCheckIn' : 'volunteers.scanCheckOut',
      target: { collection: VOLUNTEER_COLLECTIONS.signups, id: signup._id },
      communityId: project.communityId,
      after: { at: now, ...(checkingIn ? {} : { computedMinutes: done.computedMinutes }) },
    })
    return { ...checkResult(done), name: signup.name, action: checkingIn ? 'checkIn' : 'checkOut' }
  },
})

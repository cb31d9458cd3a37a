import type { CheckResult } from '../../../typings/volunteers'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import {
  checkResult,
  myPlace,
  recordCheckOut,
  requireCheckTime,
  requireCurrentCode,
} from '../lib/checkin'
import { projectId } from '../lib/fields'
import { sixDigitCode } from './checkIn'

/** Checking out with the same rotating code: the minutes served are computed from the two times. */
export const checkOut = defineAction({
  input: input({ projectId: projectId(), code: sixDigitCode() }),
  async run({ projectId: id, code }, context): Promise<CheckResult> {
    const db = context.cloud.database()
    const { project, signup } = await myPlace(db, id, context.openid)
    const now = context.now()
    requireCheckTime(project, now, 'checkOut')
    await requireCurrentCode(db, id, code, now)
    if (!signup.checkIn) throw new AppError('FAILED_PRECONDITION', '您还没有签到，请先签到')
    if (signup.checkOut) throw new AppError('ALREADY_EXISTS', '您已经签退过了')
    return checkResult(
      await recordCheckOut(db, project, signup, { at: now, method: 'code', by: context.openid }),
    )
  },
})

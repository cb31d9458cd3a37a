import { z } from 'zod'
import type { CheckResult } from '../../../typings/volunteers'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import {
  checkResult,
  myPlace,
  recordCheckIn,
  requireCheckTime,
  requireCurrentCode,
} from '../lib/checkin'
import { projectId } from '../lib/fields'

export const sixDigitCode = () =>
  z.string({ error: '请输入签到码' }).regex(/^\d{6}$/, { error: '签到码是 6 位数字' })

/** A volunteer with a place checks in with the organiser's current code (typed or scanned). */
export const checkIn = defineAction({
  input: input({ projectId: projectId(), code: sixDigitCode() }),
  async run({ projectId: id, code }, context): Promise<CheckResult> {
    const db = context.cloud.database()
    const { project, signup } = await myPlace(db, id, context.openid)
    const now = context.now()
    requireCheckTime(project, now, 'checkIn')
    await requireCurrentCode(db, id, code, now)
    if (signup.checkIn) throw new AppError('ALREADY_EXISTS', '您已经签到过了')
    return checkResult(
      await recordCheckIn(db, signup, { at: now, method: 'code', by: context.openid }),
    )
  },
})

import { z } from 'zod'
import type { CheckResult } from '../../../typings/volunteers'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { getProject, signupId } from '../lib/access'
import {
  checkResult,
  recordCheckIn,
  requireCheckTime,
  requirePlace,
  secretOf,
} from '../lib/checkin'
import { acceptsCheckInCode } from '../lib/codes'
import { projectId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type SignupDoc } from '../lib/model'

export const sixDigitCode = () =>
  z.string({ error: '请输入签到码' }).regex(/^\d{6}$/, { error: '签到码是 6 位数字' })

/** A volunteer with a place checks in with the organiser's current code (typed or scanned). */
export const checkIn = defineAction({
  input: input({ projectId: projectId(), code: sixDigitCode() }),
  async run({ projectId: id, code }, context): Promise<CheckResult> {
    const db = context.cloud.database()
    const project = await getProject(db, id)
    const { data } = await db
      .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
      .doc(signupId(id, context.openid))
      .get()
    const signup = requirePlace(data)
    const now = context.now()
    requireCheckTime(project, now, 'checkIn')
    if (!acceptsCheckInCode(await secretOf(db, id), id, code, now))
      throw new AppError(
        'FAILED_PRECONDITION',
        '签到码已过期或不正确，请扫描组织者现在出示的签到码',
      )
    if (signup.checkIn) throw new AppError('ALREADY_EXISTS', '您已经签到过了')
    return checkResult(
      await recordCheckIn(db, signup, { at: now, method: 'code', by: context.openid }),
    )
  },
})

import type { CheckResult } from '../../../typings/volunteers'
import { AppError } from '../../shared/errors'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { getProject, signupId } from '../lib/access'
import {
  checkResult,
  recordCheckOut,
  requireCheckTime,
  requirePlace,
  secretOf,
} from '../lib/checkin'
import { acceptsCheckInCode } from '../lib/codes'
import { projectId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type SignupDoc } from '../lib/model'
import { sixDigitCode } from './checkIn'

/** Checking out with the same rotating code: the minutes served are computed from the two times. */
export const checkOut = defineAction({
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
    requireCheckTime(project, now, 'checkOut')
    if (!acceptsCheckInCode(await secretOf(db, id), id, code, now))
      throw new AppError(
        'FAILED_PRECONDITION',
        '签到码已过期或不正确，请扫描组织者现在出示的签到码',
      )
    if (!signup.checkIn) throw new AppError('FAILED_PRECONDITION', '您还没有签到，请先签到')
    if (signup.checkOut) throw new AppError('ALREADY_EXISTS', '您已经签退过了')
    return checkResult(
      await recordCheckOut(db, project, signup, { at: now, method: 'code', by: context.openid }),
    )
  },
})

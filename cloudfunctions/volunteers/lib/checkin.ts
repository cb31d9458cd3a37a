/** Check-in and check-out, by the rotating code or by the organiser's scan. */
import type { CheckResult } from '../../../typings/volunteers'
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { formatShanghai } from '../../shared/time'
import {
  VOLUNTEER_COLLECTIONS,
  type CheckEvent,
  type ProjectDoc,
  type ProjectSecretDoc,
  type SignupDoc,
} from './model'
import { getProject, refuseCancelled, signupId } from './access'
import { acceptsCheckInCode } from './codes'
import { checkInWindow, checkOutCloses, serviceMinutes } from './rules'
import { iso } from './views'

export async function secretOf(db: Database, projectId: string): Promise<string> {
  const { data } = await db
    .collection<ProjectSecretDoc>(VOLUNTEER_COLLECTIONS.secrets)
    .doc(projectId)
    .get()
  if (!data) throw new AppError('INTERNAL')
  return data.secret
}

/** Check-in and check-out happen from half an hour before the start until two hours after the end. */
export function requireCheckTime(
  project: ProjectDoc,
  now: Date,
  what: 'checkIn' | 'checkOut',
): void {
  refuseCancelled(project)
  const { opens, closes } = checkInWindow(project)
  const last = what === 'checkIn' ? closes : checkOutCloses(project)
  const t = now.getTime()
  if (t < opens.getTime())
    throw new AppError(
      'FAILED_PRECONDITION',
      `还没到签到时间，${formatShanghai(opens, 'MM-DD HH:mm')} 开始签到`,
    )
  if (t > last.getTime())
    throw new AppError(
      'FAILED_PRECONDITION',
      what === 'checkIn' ? '项目已经结束，不能再签到' : '签退时间已过，请联系组织者登记时长',
    )
}

export function requirePlace(signup: SignupDoc | null): SignupDoc {
  if (!signup || signup.status === 'cancelled')
    throw new AppError('FAILED_PRECONDITION', '您没有报名这个项目')
  if (signup.status === 'waitlisted')
    throw new AppError('FAILED_PRECONDITION', '您还在候补名单中，递补成功后才能签到')
  return signup
}

/** The project and my place in it, for checking in and out myself. */
export async function myPlace(
  db: Database,
  projectId: string,
  openid: string,
): Promise<{ project: ProjectDoc; signup: SignupDoc }> {
  const [project, { data }] = await Promise.all([
    getProject(db, projectId),
    db.collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups).doc(signupId(projectId, openid)).get(),
  ])
  return { project, signup: requirePlace(data) }
}

/** The code typed or scanned must be the organiser's code of this minute (or the last). */
export async function requireCurrentCode(
  db: Database,
  projectId: string,
  code: string,
  now: Date,
): Promise<void> {
  if (!acceptsCheckInCode(await secretOf(db, projectId), projectId, code, now))
    throw new AppError('FAILED_PRECONDITION', '签到码已过期或不正确，请扫描组织者现在出示的签到码')
}

export function checkResult(signup: SignupDoc): CheckResult {
  return {
    projectId: signup.projectId,
    checkedInAt: iso(signup.checkIn?.at)!,
    checkedOutAt: iso(signup.checkOut?.at),
    computedMinutes: signup.computedMinutes ?? null,
  }
}

/** Records a check-in once: a second one (two scans at once) is refused, the first stands. */
export async function recordCheckIn(
  db: Database,
  signup: SignupDoc,
  event: CheckEvent,
): Promise<SignupDoc> {
  const { stats } = await db
    .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
    .where({ _id: signup._id, status: 'confirmed', checkIn: db.command['exists']!(false) })
    .update({ data: { checkIn: event } })
  if (stats.updated !== 1) throw new AppError('ALREADY_EXISTS', '已经签到过了')
  return { ...signup, checkIn: event }
}

export async function recordCheckOut(
  db: Database,
  project: ProjectDoc,
  signup: SignupDoc,
  event: CheckEvent,
): Promise<SignupDoc> {
  if (!signup.checkIn) throw new AppError('FAILED_PRECONDITION', '还没有签到，不能签退')
  const computedMinutes = serviceMinutes(signup.checkIn.at, event.at, project)
  const { stats } = await db
    .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
    .where({ _id: signup._id, status: 'confirmed', checkOut: db.command['exists']!(false) })
    .update({
      data: {
        checkOut: event,
        computedMinutes,
        // Hours the organiser already confirmed by hand stay confirmed.
        ...(signup.hoursStatus === 'confirmed' ? {} : { hoursStatus: 'pending' }),
      },
    })
  if (stats.updated !== 1) throw new AppError('ALREADY_EXISTS', '已经签退过了')
  return {
    ...signup,
    checkOut: event,
    computedMinutes,
    hoursStatus: signup.hoursStatus === 'confirmed' ? 'confirmed' : 'pending',
  }
}

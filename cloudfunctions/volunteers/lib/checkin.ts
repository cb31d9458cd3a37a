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
  if (project.status === 'cancelled') throw new AppError('FAILED_PRECONDITION', '这个项目已取消')
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

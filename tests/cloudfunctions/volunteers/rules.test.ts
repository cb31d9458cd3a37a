/** The pure rules of 近邻志愿: phases, check-in codes, service minutes across midnight, defaults. */
import {
  acceptsCheckInCode,
  checkInCode,
  expiresAt,
  minuteOf,
  newPassCode,
  newSecret,
  parsePass,
  passSignature,
} from '../../../cloudfunctions/volunteers/lib/codes'
import { projectFromRequest } from '../../../cloudfunctions/volunteers/lib/help'
import type { HelpRequestDoc, TeamDoc } from '../../../cloudfunctions/volunteers/lib/model'
import { projectIdFor } from '../../../cloudfunctions/volunteers/lib/projects'
import { scenes } from '../../../cloudfunctions/volunteers/lib/qr'
import {
  checkInWindow,
  hoursOf,
  phaseOf,
  serviceMinutes,
} from '../../../cloudfunctions/volunteers/lib/rules'
import { monthKey, formatShanghai } from '../../../cloudfunctions/shared/time'

/** A Beijing wall-clock time as an instant. */
const bj = (text: string) => new Date(`${text}+08:00`)

describe('phase of a project', () => {
  const project = {
    status: 'open' as const,
    signupDeadline: bj('2026-11-27T18:00:00'),
    startAt: bj('2026-11-27T20:00:00'),
    endAt: bj('2026-11-27T22:00:00'),
  }
  it.each([
    ['2026-11-27T17:59:59', 'signup'],
    ['2026-11-27T18:00:00', 'closed'],
    ['2026-11-27T20:00:00', 'ongoing'],
    ['2026-11-27T22:00:00', 'ended'],
  ])('at %s (Beijing) is %s', (at, phase) => {
    expect(phaseOf(project, bj(at))).toBe(phase)
  })
  it('is cancelled whatever the time, once cancelled', () => {
    expect(phaseOf({ ...project, status: 'cancelled' }, bj('2026-11-27T10:00:00'))).toBe(
      'cancelled',
    )
  })
})

describe('service minutes', () => {
  // 22:00 on 31 October to 01:30 on 1 November, Beijing time: a patrol across midnight.
  const night = { startAt: bj('2026-10-31T22:00:00'), endAt: bj('2026-11-01T01:30:00') }

  it('count across midnight in Beijing time', () => {
    expect(serviceMinutes(bj('2026-10-31T22:00:00'), bj('2026-11-01T01:30:00'), night)).toBe(210)
    expect(hoursOf(210)).toBe(3.5)
  })

  it('count only within the project’s time: early arrival and late leaving are not service', () => {
    expect(serviceMinutes(bj('2026-10-31T21:40:00'), bj('2026-11-01T02:10:00'), night)).toBe(210)
    expect(serviceMinutes(bj('2026-10-31T23:15:00'), bj('2026-11-01T00:45:30'), night)).toBe(90)
    expect(serviceMinutes(bj('2026-11-01T02:00:00'), bj('2026-11-01T02:10:00'), night)).toBe(0)
  })

  it('belong to the Beijing month of the start, not the UTC one', () => {
    // 07:00 on 1 November in Beijing is still 31 October in UTC.
    const morning = bj('2026-11-01T07:00:00')
    expect(morning.toISOString()).toBe('2026-10-31T23:00:00.000Z')
    expect(monthKey(morning)).toBe('2026-11')
    expect(monthKey(night.startAt)).toBe('2026-10')
    expect(formatShanghai(night.endAt, 'MM-DD HH:mm')).toBe('11-01 01:30')
  })

  it('round to one decimal of an hour', () => {
    expect([0, 1, 3, 95, 100, 179, 181].map(hoursOf)).toEqual([0, 0, 0.1, 1.6, 1.7, 3, 3])
  })

  it('open check-in half an hour before the start', () => {
    expect(checkInWindow(night).opens).toEqual(bj('2026-10-31T21:30:00'))
    expect(checkInWindow(night).closes).toEqual(night.endAt)
  })
})

describe('the rotating check-in code', () => {
  const secret = newSecret()
  const at = bj('2026-11-27T20:00:30')

  it('is six digits that change every minute', () => {
    const code = checkInCode(secret, 'vp1', minuteOf(at))
    expect(code).toMatch(/^\d{6}$/)
    const next = new Set(
      Array.from({ length: 10 }, (_v, i) => checkInCode(secret, 'vp1', minuteOf(at) + i)),
    )
    expect(next.size).toBeGreaterThan(8)
    expect(checkInCode(secret, 'vp2', minuteOf(at))).not.toBe(code)
    expect(checkInCode(newSecret(), 'vp1', minuteOf(at))).not.toBe(code)
  })

  it('is accepted in its minute and the next, not after', () => {
    const code = checkInCode(secret, 'vp1', minuteOf(at))
    expect(acceptsCheckInCode(secret, 'vp1', code, at)).toBe(true)
    expect(acceptsCheckInCode(secret, 'vp1', code, new Date(at.getTime() + 60_000))).toBe(true)
    expect(acceptsCheckInCode(secret, 'vp1', code, new Date(at.getTime() + 120_000))).toBe(false)
    expect(acceptsCheckInCode(secret, 'vp1', code, new Date(at.getTime() - 60_000))).toBe(false)
    expect(expiresAt(at)).toEqual(bj('2026-11-27T20:02:00'))
  })

  it('signs a volunteer’s pass the same way', () => {
    const passCode = newPassCode()
    expect(passCode).toMatch(/^[a-z0-9]{8}$/)
    const pass = `${passCode}${passSignature(secret, passCode, minuteOf(at))}`
    expect(parsePass(secret, pass, at)).toEqual({ passCode, valid: true })
    expect(parsePass(secret, pass, new Date(at.getTime() + 180_000)).valid).toBe(false)
  })
})

describe('QR scenes', () => {
  it('fit in WeChat’s 32 characters', () => {
    const id = projectIdFor('oABCDEFGHIJKLMNOPQRSTUVWXYZab', 'r-request-000001')
    expect(id).toMatch(/^vp[0-9a-f]{16}$/)
    expect(scenes.project(id).length).toBeLessThanOrEqual(32)
    expect(scenes.checkIn(id, '123456').length).toBeLessThanOrEqual(32)
    expect(scenes.pass('abcdefgh123456').length).toBeLessThanOrEqual(32)
  })
})

describe('a request for help becomes a project', () => {
  const teams = [
    { _id: 't-a', serviceTypes: ['课后辅导'] },
    { _id: 't-b', serviceTypes: ['巡逻'] },
  ] as TeamDoc[]
  const request = {
    _id: 'vh1',
    communityId: 'c-jinxi',
    serviceType: '课后辅导',
    description: '孩子寒假作业没人辅导，想请志愿者帮帮忙',
    place: '17号楼',
    peopleNeeded: 2,
  } as HelpRequestDoc

  it('at 09:00 Beijing the next day when no time was asked for, inviting the teams that do it', () => {
    const now = bj('2026-11-26T23:30:00')
    const project = projectFromRequest(request, teams, now)
    expect(project.startAt).toEqual(bj('2026-11-27T09:00:00'))
    expect(project.endAt).toEqual(bj('2026-11-27T11:00:00'))
    expect(project.signupDeadline).toEqual(bj('2026-11-27T08:00:00'))
    expect(project).toMatchObject({
      capacity: 2,
      invitedTeamIds: ['t-a'],
      serviceType: '课后辅导',
      helpRequestId: 'vh1',
    })
    expect(project.title).toBe('有事找找志愿者：孩子寒假作业没人辅导，想')
  })

  it('at the time asked for when it is far enough ahead', () => {
    const now = bj('2026-11-26T10:00:00')
    const asked = bj('2026-11-28T15:00:00')
    expect(projectFromRequest({ ...request, preferredStart: asked }, teams, now).startAt).toEqual(
      asked,
    )
  })
})

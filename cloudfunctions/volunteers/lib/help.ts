/** 有事找找志愿者: a resident's request for help, and the project staff make of it in one tap. */
import dayjs from 'dayjs'
import type { HelpRequestView } from '../../../typings/volunteers'
import { isStaffOf, type Caller } from '../../shared/caller'
import { TIME_ZONE, inShanghai } from '../../shared/time'
import { nameFor } from './access'
import type { HelpRequestDoc, TeamDoc } from './model'
import type { ProjectFields } from './projects'
import { iso } from './views'

export function helpRequestView(caller: Caller, request: HelpRequestDoc): HelpRequestView {
  return {
    id: request._id,
    communityId: request.communityId,
    serviceType: request.serviceType,
    description: request.description,
    place: request.place,
    preferredStart: iso(request.preferredStart),
    peopleNeeded: request.peopleNeeded,
    status: request.status,
    projectId: request.projectId ?? null,
    requesterName: nameFor(
      request.requesterName,
      request.openid === caller.openid || isStaffOf(caller, request.communityId),
    ),
    createdAt: iso(request.createdAt)!,
  }
}

const HOUR = 3600_000

/**
 * The project a request becomes, with sensible defaults: at the time asked for if it is at
 * least three hours away, else 09:00 Beijing time the next day; two hours long; signup closes an
 * hour before; as many places as people asked for; the teams that do this kind of service invited.
 */
export function projectFromRequest(
  request: HelpRequestDoc,
  teams: TeamDoc[],
  now: Date,
): ProjectFields {
  const asked = request.preferredStart ? new Date(request.preferredStart) : null
  const startAt =
    asked && asked.getTime() >= now.getTime() + 3 * HOUR
      ? asked
      : dayjs
          .tz(`${inShanghai(now).add(1, 'day').format('YYYY-MM-DD')} 09:00:00`, TIME_ZONE)
          .toDate()
  const summary = [...request.description].slice(0, 12).join('')
  return {
    communityId: request.communityId,
    title: [...`有事找找志愿者：${summary}`].slice(0, 30).join(''),
    description: `${request.description}\n（由居民求助转为志愿项目）`,
    serviceType: request.serviceType,
    place: request.place,
    startAt,
    endAt: new Date(startAt.getTime() + 2 * HOUR),
    signupDeadline: new Date(startAt.getTime() - HOUR),
    capacity: request.peopleNeeded,
    invitedTeamIds: teams
      .filter((t) => t.serviceTypes.includes(request.serviceType))
      .map((t) => t._id),
    conditionTeamIds: [],
    skills: [],
    helpRequestId: request._id,
  }
}

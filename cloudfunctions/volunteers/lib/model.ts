/**
 * The documents of 近邻志愿同盟 as stored. Ids are derived where "at most one" is a rule: a
 * volunteer's place in a project is `<projectId>_<openid>`, a membership `<teamId>_<openid>`, a
 * team's answer to a project `<projectId>_<teamId>`.
 */
import type {
  Evaluation,
  HelpRequestStatus,
  HoursStatus,
  MembershipStatus,
  ProjectStatus,
  SignupStatus,
  TeamResponseStatus,
} from '../../../typings/volunteers'

export const VOLUNTEER_COLLECTIONS = {
  teams: 'volunteerTeams',
  memberships: 'volunteerMemberships',
  projects: 'volunteerProjects',
  secrets: 'volunteerProjectSecrets',
  responses: 'volunteerTeamResponses',
  signups: 'volunteerSignups',
  arrivals: 'volunteerArrivals',
  helpRequests: 'volunteerHelpRequests',
} as const

export interface TeamDoc {
  _id: string
  communityId: string
  name: string
  description?: string
  serviceTypes: string[]
  leaderOpenid: string | null
  /** Approved members, the leader included: kept with each membership change. */
  memberCount: number
  createdAt: Date
  updatedAt?: Date
}

export interface MembershipDoc {
  /** `<teamId>_<openid>` */
  _id: string
  teamId: string
  communityId: string
  openid: string
  status: MembershipStatus
  note?: string
  requestedAt: Date
  reviewedBy?: string
  reviewedAt?: Date
  reason?: string
  joinedAt?: Date
}

export interface ProjectDoc {
  _id: string
  communityId: string
  title: string
  description: string
  serviceType: string
  place: string
  startAt: Date
  endAt: Date
  signupDeadline: Date
  /** The Beijing month of the start, `2026-11`: the bucket of rankings and the dashboard. */
  month: string
  capacity: number
  conditionTeamIds: string[]
  skills: string[]
  invitedTeamIds: string[]
  organisingBody: string
  /** Who launched it: the one who runs check-in and confirms hours. */
  organiserOpenid: string
  status: ProjectStatus
  cancelReason?: string
  cancelledAt?: Date
  cancelledBy?: string
  /**
   * The place counters, changed only in transactions that also write the signups: confirmed
   * places taken, volunteers waiting, the next signup's order (its waitlist position) and how
   * many promotions from the waitlist there have been.
   */
  confirmedCount: number
  waitlistCount: number
  nextOrder: number
  promotions: number
  /**
   * How many entries of the project's arrival log the allocator has gone through (lib/allocate.ts);
   * changed with the counters. Absent on projects created before the log: 0.
   */
  arrivalsDecided?: number
  reminderSent: boolean
  helpRequestId?: string
  requestId: string
  createdAt: Date
}

/** The per-project key of the rotating check-in code; never leaves the server. */
export interface ProjectSecretDoc {
  _id: string
  secret: string
  createdAt: Date
}

export interface TeamResponseDoc {
  /** `<projectId>_<teamId>` */
  _id: string
  projectId: string
  teamId: string
  communityId: string
  title: string
  startAt: Date
  status: TeamResponseStatus
  places: number
  note?: string
  invitedAt: Date
  respondedBy?: string
  respondedAt?: Date
}

export interface CheckEvent {
  at: Date
  method: 'code' | 'scan'
  /** The volunteer (code) or the organiser who scanned. */
  by: string
}

export interface SignupDoc {
  /** `<projectId>_<openid>`: one place per volunteer and project. */
  _id: string
  projectId: string
  communityId: string
  openid: string
  /** The name on the record, as given at signup. */
  name: string
  teamId: string | null
  /**
   * `queued` from the tap until the place is decided (lib/allocate.ts), a moment later; then
   * confirmed or waitlisted, and cancelled if given up.
   */
  status: SignupStatus | 'queued'
  /**
   * Names this signup's entry in the project's arrival log (lib/arrivals.ts): new with every
   * signup written, so an entry of an earlier, withdrawn or cancelled signup of the same
   * volunteer is never taken for this one. Absent on signups from before the log.
   */
  ticket?: string
  /** Its place in the arrival log, set when its place is decided. */
  arrival?: number
  /** A signup again after cancelling: refused or withdrawn, it goes back to cancelled. */
  requeued?: boolean
  /**
   * Order of arrival among the project's decided signups, from 0 (-1 until decided), each given
   * once and in the order of the arrival log; the waitlist is served by it.
   */
  order: number
  /** The place in the waitlist when the signup was decided: the answer to the tap. */
  rankAtSignup?: number
  requestId: string
  /** When the function took the tap: a moment before the arrival, so not its order. */
  signedUpAt: Date
  promotedAt?: Date
  /** 0 for the first promotion of the project, 1 for the next… */
  promotionOrder?: number
  cancelledAt?: Date
  cancelledBy?: 'self' | 'project'
  /** Identifies the volunteer's pass (the QR code the organiser scans). */
  passCode: string
  // The project, copied for the volunteer's lists and records.
  title: string
  serviceType: string
  place: string
  startAt: Date
  endAt: Date
  month: string
  organisingBody: string
  checkIn?: CheckEvent
  checkOut?: CheckEvent
  computedMinutes?: number
  hoursStatus: HoursStatus
  confirmedMinutes?: number
  corrected?: boolean
  correctionReason?: string
  evaluation?: Evaluation
  confirmedBy?: string
  confirmedAt?: Date
}

/**
 * The project's arrival log, `_id` = project id: one entry per signup written, appended with an
 * atomic `_.push` after the signup's document exists. Its order is the order of arrival.
 */
export interface ArrivalLogDoc {
  _id: string
  projectId: string
  entries: ArrivalEntry[]
  /** The allocation lease (lib/allocate.ts): ms since epoch until which someone holds it, 0 free. */
  allocatingUntil: number
}

export interface ArrivalEntry {
  signupId: string
  ticket: string
}

export interface HelpRequestDoc {
  _id: string
  communityId: string
  openid: string
  requesterName: string
  serviceType: string
  description: string
  place: string
  preferredStart?: Date
  peopleNeeded: number
  status: HelpRequestStatus
  projectId?: string
  requestId: string
  createdAt: Date
  convertedBy?: string
  convertedAt?: Date
}

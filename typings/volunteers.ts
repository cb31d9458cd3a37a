/**
 * Function `volunteers`: 近邻志愿同盟. 党支部发起 (staff launch a project) — 同盟响应 (the invited
 * teams respond) — 志愿者报名 (volunteers sign up from a shared card or QR code), then check-in,
 * service hours confirmed by the organiser, and the records the volunteer service rules ask for.
 */
import type { Page } from './community'

/** `open` takes signups until the deadline; `cancelled` by staff, with a reason. */
export type ProjectStatus = 'open' | 'cancelled'

/**
 * Where a project is, from its status and times: taking signups, signup closed (deadline
 * passed, not started), under way, ended, or cancelled.
 */
export type ProjectPhase = 'signup' | 'closed' | 'ongoing' | 'ended' | 'cancelled'

export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled'

/** `none` not checked out yet, `pending` hours await the organiser, `confirmed` recorded. */
export type HoursStatus = 'none' | 'pending' | 'confirmed'

/** The organiser's evaluation on the record (志愿服务记录办法: 服务评价). */
export type Evaluation = 'excellent' | 'good' | 'satisfactory'

export type MembershipStatus = 'pending' | 'approved' | 'rejected' | 'left'

export type TeamResponseStatus = 'pending' | 'accepted' | 'declined'

export type HelpRequestStatus = 'open' | 'converted' | 'closed'

export interface ProjectSummary {
  id: string
  communityId: string
  communityName: string
  title: string
  serviceType: string
  place: string
  /** ISO 8601 instants (UTC); pages show them in Beijing time. */
  startAt: string
  endAt: string
  signupDeadline: string
  capacity: number
  confirmedCount: number
  waitlistCount: number
  phase: ProjectPhase
  /** 组织单位, e.g. 金溪社区党支部. */
  organisingBody: string
}

export interface InvitedTeamView {
  teamId: string
  name: string
  status: TeamResponseStatus
  /** Places the team pledged to fill, when it accepted. */
  places: number
  note: string | null
}

/** Someone on a project's list as others see them: names masked (陈**) unless staff or organiser. */
export interface VolunteerOnList {
  name: string
  teamName: string | null
  status: 'confirmed' | 'waitlisted'
}

/** The caller's own place in a project. */
export interface MySignupView {
  projectId: string
  status: SignupStatus
  /** 1-based place in the waitlist while waiting, else null. */
  waitlistRank: number | null
  teamId: string | null
  teamName: string | null
  name: string
  signedUpAt: string
  promotedAt: string | null
  checkedInAt: string | null
  checkedOutAt: string | null
  /** From check-in and check-out, within the project's time; null until checked out. */
  computedMinutes: number | null
  hoursStatus: HoursStatus
  /** What the organiser confirmed (or corrected), once confirmed. */
  confirmedMinutes: number | null
  evaluation: Evaluation | null
}

/** A project of mine whose time overlaps the one at hand: a warning, not a refusal. */
export interface OverlapView {
  projectId: string
  title: string
  startAt: string
  endAt: string
}

export interface ProjectDetail extends ProjectSummary {
  description: string
  conditions: {
    /** Only members of these teams may sign up (empty: anyone). */
    teams: Array<{ id: string; name: string }>
    /** Skills a volunteer confirms having when signing up. */
    skills: string[]
  }
  invitedTeams: InvitedTeamView[]
  /** Sum of the places the accepting teams pledged. */
  pledgedPlaces: number
  organiserName: string
  /** The first 50 on the list, confirmed first then the waitlist in order. */
  volunteers: VolunteerOnList[]
  mine: MySignupView | null
  overlaps: OverlapView[]
  /** My approved team memberships, to sign up with one of them. */
  myTeams: Array<{ id: string; name: string }>
  helpRequestId: string | null
  cancelReason: string | null
  /** What the page may offer; the server checks every action again. */
  can: {
    /** The organiser: check-in code, hours. */
    organise: boolean
    /** Staff of the project's community: cancel, export. */
    staff: boolean
    /** Invited teams the caller leads. */
    respondFor: string[]
  }
  /** The path a shared card opens. */
  sharePath: string
}

export interface SignupResult {
  projectId: string
  status: 'confirmed' | 'waitlisted'
  waitlistRank: number | null
  overlaps: OverlapView[]
}

export interface CancelSignupResult {
  projectId: string
  status: 'cancelled'
  /** Whether the first waiting volunteer took the place. */
  promoted: boolean
}

export interface MySignupItem extends MySignupView {
  project: ProjectSummary
}

/** A volunteer on the organiser's list: full name, check-in state and hours. */
export interface OrganiserSignupView {
  openid: string
  name: string
  teamName: string | null
  status: SignupStatus
  waitlistRank: number | null
  signedUpAt: string
  checkedInAt: string | null
  checkedOutAt: string | null
  checkInMethod: 'code' | 'scan' | null
  computedMinutes: number | null
  hoursStatus: HoursStatus
  confirmedMinutes: number | null
  corrected: boolean
  evaluation: Evaluation | null
}

export interface CheckInCodeView {
  projectId: string
  /** Six digits, valid this minute and the next. */
  code: string
  expiresAt: string
  /** The QR code volunteers scan (a PNG data URL); its scene is `c=<projectId>&k=<code>`. */
  qrImage: string
  scene: string
}

export interface PassView {
  projectId: string
  /** What the organiser's scan reads; valid this minute and the next. */
  pass: string
  expiresAt: string
  qrImage: string
  scene: string
}

export interface CheckResult {
  projectId: string
  checkedInAt: string
  checkedOutAt: string | null
  computedMinutes: number | null
}

export interface ScanResult extends CheckResult {
  name: string
  action: 'checkIn' | 'checkOut'
}

export interface ConfirmHoursResult {
  projectId: string
  openid: string
  name: string
  confirmedMinutes: number
  hours: number
  corrected: boolean
  evaluation: Evaluation
}

/**
 * One volunteer service record, with the fields of 志愿服务记录办法: the person, the service
 * content, the time, the hours, the organising body and the evaluation.
 */
export interface ServiceRecord {
  projectId: string
  volunteerName: string
  teamName: string | null
  /** 服务内容: the project's title and service type. */
  serviceContent: string
  serviceType: string
  place: string
  /** Beijing date of the start, `2026-10-31`. */
  serviceDate: string
  startAt: string
  endAt: string
  /** Confirmed hours, one decimal. */
  hours: number
  minutes: number
  organisingBody: string
  evaluation: Evaluation
  evaluationLabel: string
  confirmedAt: string
}

export interface Totals {
  /** Hours, one decimal. */
  hours: number
  minutes: number
  /** Service instances (人次). */
  services: number
}

export interface TeamView {
  id: string
  communityId: string
  name: string
  description: string
  serviceTypes: string[]
  /** Masked for anyone but staff and the team's members. */
  leaderName: string | null
  memberCount: number
  myMembership: MembershipStatus | null
  iLead: boolean
}

export interface TeamMemberView {
  openid: string
  name: string
  joinedAt: string
}

export interface PendingMemberView {
  openid: string
  name: string
  note: string | null
  requestedAt: string
}

export interface TeamInvitationView {
  projectId: string
  title: string
  startAt: string
  status: TeamResponseStatus
  places: number
}

export interface TeamDetail extends TeamView {
  /** Names masked for anyone but staff, the leader and members. */
  members: TeamMemberView[]
  /** Only for the leader and staff. */
  pending: PendingMemberView[]
  /** Projects that invited the team, soonest first. */
  invitations: TeamInvitationView[]
  totals: Totals
  canManage: boolean
}

export interface TeamRankingRow {
  rank: number
  teamId: string
  teamName: string
  hours: number
  minutes: number
  services: number
  volunteers: number
}

export interface DashboardMonth {
  month: string
  projects: number
  services: number
  hours: number
}

export interface VolunteerDashboard {
  communityId: string
  year: number
  /** Projects (not cancelled) starting in the year, and how many have ended. */
  projectsLaunched: number
  projectsHeld: number
  /** 人次: service instances with confirmed hours. */
  services: number
  volunteers: number
  hours: number
  minutes: number
  months: DashboardMonth[]
  openHelpRequests: number
}

export interface ExportResult {
  fileID: string
  tempFileURL: string
  fileName: string
  rows: number
  totalHours: number
}

export interface HelpRequestView {
  id: string
  communityId: string
  serviceType: string
  description: string
  place: string
  preferredStart: string | null
  peopleNeeded: number
  status: HelpRequestStatus
  projectId: string | null
  /** Full for staff and the requester, masked for anyone else. */
  requesterName: string
  createdAt: string
}

export interface ProjectInput {
  communityId: string
  title: string
  description: string
  serviceType: string
  place: string
  startAt: string
  endAt: string
  signupDeadline: string
  capacity: number
  invitedTeamIds?: string[]
  conditionTeamIds?: string[]
  skills?: string[]
  organisingBody?: string
  helpRequestId?: string
  requestId: string
}

type Empty = Record<string, never>

export interface VolunteersActions {
  // Teams
  listTeams: { input: { communityId: string }; output: TeamView[] }
  teamDetail: { input: { teamId: string }; output: TeamDetail }
  joinTeam: {
    input: { teamId: string; note?: string }
    output: { teamId: string; status: MembershipStatus }
  }
  leaveTeam: { input: { teamId: string }; output: { teamId: string; status: MembershipStatus } }
  reviewMember: {
    input: {
      teamId: string
      openid: string
      decision: 'approve' | 'reject'
      reason?: string
    }
    output: { teamId: string; openid: string; status: MembershipStatus }
  }
  saveTeam: {
    input: {
      communityId: string
      teamId?: string
      name: string
      description?: string
      serviceTypes: string[]
      leaderOpenid?: string | null
    }
    output: TeamView
  }

  // Projects
  createProject: { input: ProjectInput; output: ProjectDetail }
  listProjects: {
    input: { communityId?: string; cursor?: string; pageSize?: number }
    output: Page<ProjectSummary>
  }
  projectDetail: { input: { projectId: string }; output: ProjectDetail }
  respondToProject: {
    input: {
      projectId: string
      teamId: string
      decision: 'accept' | 'decline'
      places?: number
      note?: string
    }
    output: InvitedTeamView
  }
  cancelProject: {
    input: { projectId: string; reason: string }
    output: { projectId: string; status: 'cancelled'; notified: number }
  }
  projectQr: { input: { projectId: string }; output: { qrImage: string; scene: string } }

  // Signup
  signup: {
    input: {
      projectId: string
      teamId?: string
      name?: string
      confirmSkills?: boolean
      requestId: string
    }
    output: SignupResult
  }
  cancelSignup: { input: { projectId: string }; output: CancelSignupResult }
  mySignups: {
    input: { scope: 'upcoming' | 'past'; cursor?: string }
    output: Page<MySignupItem>
  }
  listSignups: {
    input: { projectId: string; cursor?: string }
    output: Page<OrganiserSignupView>
  }

  // Check-in and hours
  checkInCode: { input: { projectId: string }; output: CheckInCodeView }
  checkIn: { input: { projectId: string; code: string }; output: CheckResult }
  checkOut: { input: { projectId: string; code: string }; output: CheckResult }
  myPass: { input: { projectId: string }; output: PassView }
  scanPass: { input: { projectId: string; pass: string }; output: ScanResult }
  confirmHours: {
    input: {
      projectId: string
      openid: string
      /** Omit to confirm the computed minutes; give to correct them (with a reason). */
      minutes?: number
      reason?: string
      evaluation: Evaluation
    }
    output: ConfirmHoursResult
  }

  // Records
  myRecords: {
    input: { cursor?: string }
    output: Page<ServiceRecord> & { totals: Totals }
  }
  teamRanking: { input: { communityId: string; month: string }; output: TeamRankingRow[] }
  dashboard: { input: { communityId: string; year: number }; output: VolunteerDashboard }
  exportRecords: {
    input: { communityId: string; month: string }
    output: ExportResult
  }

  // 有事找找志愿者
  requestHelp: {
    input: {
      communityId: string
      serviceType: string
      description: string
      place: string
      preferredStart?: string
      peopleNeeded?: number
      requestId: string
    }
    output: HelpRequestView
  }
  myHelpRequests: { input: Empty; output: HelpRequestView[] }
  listHelpRequests: {
    input: { communityId: string; status?: HelpRequestStatus; cursor?: string }
    output: Page<HelpRequestView>
  }
  convertHelpRequest: {
    input: { helpRequestId: string; requestId: string }
    output: ProjectDetail
  }

  // Timer
  remindUpcoming: { input: Empty; output: { projects: number; reminded: number } }
}

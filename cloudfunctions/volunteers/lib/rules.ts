/**
 * The rules of a project's life in time, pure so that their edges are tested exactly: its phase,
 * the check-in window, and service minutes from check-in and check-out (instants, so a project
 * across midnight in Beijing needs nothing special; only its bucketing uses Beijing's calendar).
 */
import type { Evaluation, ProjectPhase } from '../../../typings/volunteers'
import type { ProjectDoc } from './model'

/** Volunteers may check in from half an hour before the start until the end. */
export const CHECK_IN_OPENS_MINUTES = 30
/** …and check out until two hours after the end (the minutes still count only until the end). */
export const CHECK_OUT_CLOSES_MINUTES = 120
/** A correction never exceeds a day. */
export const MAX_SERVICE_MINUTES = 24 * 60

const MINUTE = 60_000

export function phaseOf(
  project: Pick<ProjectDoc, 'status' | 'startAt' | 'endAt' | 'signupDeadline'>,
  now: Date,
): ProjectPhase {
  if (project.status === 'cancelled') return 'cancelled'
  const t = now.getTime()
  if (t >= new Date(project.endAt).getTime()) return 'ended'
  if (t >= new Date(project.startAt).getTime()) return 'ongoing'
  if (t >= new Date(project.signupDeadline).getTime()) return 'closed'
  return 'signup'
}

export function signupOpen(
  project: Pick<ProjectDoc, 'status' | 'startAt' | 'endAt' | 'signupDeadline'>,
  now: Date,
): boolean {
  return phaseOf(project, now) === 'signup'
}

export function checkInWindow(project: Pick<ProjectDoc, 'startAt' | 'endAt'>): {
  opens: Date
  closes: Date
} {
  return {
    opens: new Date(new Date(project.startAt).getTime() - CHECK_IN_OPENS_MINUTES * MINUTE),
    closes: new Date(project.endAt),
  }
}

export function checkOutCloses(project: Pick<ProjectDoc, 'endAt'>): Date {
  return new Date(new Date(project.endAt).getTime() + CHECK_OUT_CLOSES_MINUTES * MINUTE)
}

/**
 * Whole minutes served: from check-in to check-out, counted only within the project's time
 * (arriving early or leaving late is not service time; the organiser can correct).
 */
export function serviceMinutes(
  checkIn: Date,
  checkOut: Date,
  project: Pick<ProjectDoc, 'startAt' | 'endAt'>,
): number {
  const from = Math.max(new Date(checkIn).getTime(), new Date(project.startAt).getTime())
  const to = Math.min(new Date(checkOut).getTime(), new Date(project.endAt).getTime())
  return to > from ? Math.floor((to - from) / MINUTE) : 0
}

/** Hours with one decimal, as records show them: 95 minutes → 1.6. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10
}

export const EVALUATION_LABELS: Record<Evaluation, string> = {
  excellent: '优秀',
  good: '良好',
  satisfactory: '合格',
}

/**
 * The lifecycle of a matter: which step may follow which. Every change is one conditional update
 * of the item (status, fields and a timeline entry together), applied only to the version the
 * caller saw, so two people acting at once cannot both succeed.
 */
import type { SuggestionStatus } from '../../../typings/suggestions'
import type { Database } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { SUGGESTIONS, type SuggestionDoc, type TimelineDoc } from './model'

export type Move =
  'accept' | 'assign' | 'resolve' | 'confirm' | 'reopen' | 'reject' | 'merge' | 'autoClose'

export const TRANSITIONS: Record<Move, { from: SuggestionStatus[]; to: SuggestionStatus }> = {
  accept: { from: ['submitted'], to: 'accepted' },
  // Assigning again hands the matter to someone else.
  assign: { from: ['accepted', 'assigned'], to: 'assigned' },
  resolve: { from: ['assigned'], to: 'resolved' },
  confirm: { from: ['resolved'], to: 'closed' },
  // Not solved: back to the same handler.
  reopen: { from: ['resolved'], to: 'assigned' },
  reject: { from: ['submitted', 'accepted'], to: 'rejected' },
  merge: { from: ['submitted', 'accepted', 'assigned'], to: 'merged' },
  autoClose: { from: ['resolved'], to: 'closed' },
}

const STATUS_WORDS: Record<SuggestionStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  assigned: '办理中',
  resolved: '已办结待确认',
  closed: '已完结',
  rejected: '未受理',
  merged: '已合并',
}

export function requireMove(item: SuggestionDoc, move: Move): void {
  if (!TRANSITIONS[move].from.includes(item.status)) {
    throw new AppError(
      'FAILED_PRECONDITION',
      `这条建议${STATUS_WORDS[item.status]}，现在不能进行这项操作`,
    )
  }
}

export async function applyMove(
  db: Database,
  item: SuggestionDoc,
  move: Move,
  entry: TimelineDoc,
  fields: Partial<Omit<SuggestionDoc, '_id' | 'status' | 'version' | 'timeline'>> = {},
): Promise<SuggestionDoc> {
  requireMove(item, move)
  const _ = db.command
  const changes = { ...fields, status: TRANSITIONS[move].to, updatedAt: entry.at }
  const { stats } = await db
    .collection<SuggestionDoc>(SUGGESTIONS)
    .where({ _id: item._id, version: item.version })
    .update({ data: { ...changes, version: _['inc']!(1), timeline: _['push']!([entry]) } })
  if (stats.updated !== 1) {
    throw new AppError('CONFLICT', '这条建议刚刚有了新进展，请刷新后再试')
  }
  return {
    ...item,
    ...changes,
    version: item.version + 1,
    timeline: [...item.timeline, entry],
  }
}

/** Minutes between two instants, whole. */
export function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000))
}

/** The first-response fields, set by the first staff step on a matter and never again. */
export function firstResponse(
  item: SuggestionDoc,
  now: Date,
): Partial<Pick<SuggestionDoc, 'firstResponseAt' | 'firstResponseMinutes'>> {
  return item.firstResponseAt === null
    ? { firstResponseAt: now, firstResponseMinutes: minutesBetween(item.createdAt, now) }
    : {}
}

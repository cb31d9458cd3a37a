/** Suggestions as stored: one document per matter, its whole timeline inside. */
import type {
  HandlerRole,
  SuggestionCategory,
  SuggestionStatus,
  TimelineEntry,
} from '../../../typings/suggestions'

export const SUGGESTIONS = 'suggestions'

export type ActorRole = 'reporter' | 'staff' | 'handler' | 'system'

export interface TimelineDoc {
  at: Date
  actorRole: ActorRole
  /** openid, or `system` for the timer. Never shown to residents. */
  actor: string
  kind: TimelineEntry['kind']
  text?: string
  photos?: string[]
}

export interface SuggestionDoc {
  _id: string
  communityId: string
  estateId: string | null
  buildingId: string | null
  /** `3号楼`, kept for lists and messages. */
  buildingName: string | null
  place: string | null
  category: SuggestionCategory
  title: string
  description: string
  photos: string[]
  /** Who follows the matter up: the reporter, or whoever filed it for a resident without a phone. */
  ownerOpenid: string
  reporterName: string
  showName: boolean
  householdId: string | null
  onBehalf: { residentName: string; room: string; filedBy: string } | null
  status: SuggestionStatus
  handler: { openid: string; name: string; role: HandlerRole } | null
  /** Copy of handler.openid, for the handler's queue index. */
  handlerOpenid: string | null
  dueAt: Date | null
  /** Shanghai month of submission: the bucket of the statistics. */
  month: string
  createdAt: Date
  updatedAt: Date
  /** Bumped by every change: a transition only applies to the version it was decided on. */
  version: number
  firstResponseAt: Date | null
  firstResponseMinutes: number | null
  resolvedAt: Date | null
  resolutionMinutes: number | null
  closedAt: Date | null
  satisfaction: number | null
  reopenCount: number
  mergedInto: string | null
  /** The latest resolution, shown on the public wall. */
  reply: string | null
  replyPhotos: string[]
  timeline: TimelineDoc[]
}

/** What a matter holds before anyone has acted on it: the lifecycle's fields, all empty. */
export const NOT_YET_HANDLED = {
  status: 'submitted',
  handler: null,
  handlerOpenid: null,
  dueAt: null,
  firstResponseAt: null,
  firstResponseMinutes: null,
  resolvedAt: null,
  resolutionMinutes: null,
  closedAt: null,
  satisfaction: null,
  reopenCount: 0,
  mergedInto: null,
  reply: null,
  replyPhotos: [],
} as const satisfies Partial<SuggestionDoc>

/** Function `suggestions`: 提建议, every matter answered and carried out (件件有回应、件件有落实). */
import type { Page } from './community'

export type SuggestionCategory =
  'party' | 'livelihood' | 'environment' | 'repair' | 'dispute' | 'safety' | 'other'

export type SuggestionStatus =
  'submitted' | 'accepted' | 'assigned' | 'resolved' | 'closed' | 'rejected' | 'merged'

export type HandlerRole = 'staff' | 'gridWorker' | 'buildingHead'

/** One step of an item's life, as the reporter sees it. */
export interface TimelineEntry {
  at: string
  /** 提出人, 社区, 办理人, 系统; never an openid. */
  actor: string
  kind:
    | 'submitted'
    | 'accepted'
    | 'assigned'
    | 'resolved'
    | 'confirmed'
    | 'reopened'
    | 'rejected'
    | 'merged'
    | 'autoClosed'
  text?: string
  photos?: string[]
}

export interface SuggestionSummary {
  id: string
  category: SuggestionCategory
  title: string
  status: SuggestionStatus
  /** 3号楼 or the place named. */
  where: string | null
  createdAt: string
  dueAt: string | null
  overdue: boolean
  onBehalf: boolean
}

export interface SuggestionDetail extends SuggestionSummary {
  communityId: string
  buildingId: string | null
  description: string
  photos: string[]
  /** As the viewer may see it: masked unless the viewer is staff or the reporter chose to show it. */
  reporterName: string
  showName: boolean
  handler: { name: string; role: HandlerRole } | null
  satisfaction: number | null
  reopenCount: number
  mergedInto: string | null
  timeline: TimelineEntry[]
  /** What the viewer may do now: the page shows exactly these buttons. */
  can: Array<'accept' | 'assign' | 'resolve' | 'confirm' | 'reopen' | 'reject' | 'merge'>
}

export interface WallItem {
  id: string
  category: SuggestionCategory
  title: string
  description: string
  where: string | null
  reporterName: string
  reply: string | null
  replyPhotos: string[]
  satisfaction: number | null
  createdAt: string
  resolvedAt: string
}

export interface BoardFilter {
  status?: SuggestionStatus
  category?: SuggestionCategory
  buildingId?: string
  overdue?: boolean
}

export interface HandlerCandidate {
  openid: string
  name: string
  role: HandlerRole
  /** For building heads: their building. */
  building?: string
}

export interface SuggestionStatistics {
  month: string
  scope: { communityId: string; estateId?: string; buildingId?: string }
  total: number
  byStatus: Record<SuggestionStatus, number>
  byCategory: Record<SuggestionCategory, number>
  /** Median minutes from submission to the first reply; null when none was answered. */
  medianFirstResponseMinutes: number | null
  /** Median minutes from submission to resolution. */
  medianResolutionMinutes: number | null
  /** Open items (accepted or assigned) whose due date has passed. */
  overdue: number
  /** Average 1–5 satisfaction of confirmed items, 2 decimals. */
  averageSatisfaction: number | null
  rated: number
  /** Share of resolved items the reporter reopened, as a percentage with 1 decimal. */
  reopenRatePercent: number | null
}

export interface SuggestionsActions {
  submit: {
    input: {
      communityId: string
      category: SuggestionCategory
      title: string
      description: string
      photos?: string[]
      buildingId?: string
      place?: string
      showName?: boolean
      /** Filed by a grid worker, head or staff member for a resident without a phone. */
      onBehalf?: { householdId: string; residentName: string }
      requestId: string
    }
    output: { id: string; status: SuggestionStatus }
  }
  detail: { input: { id: string }; output: SuggestionDetail }
  mine: { input: { cursor?: string; pageSize?: number }; output: Page<SuggestionSummary> }
  queue: { input: { cursor?: string; pageSize?: number }; output: Page<SuggestionSummary> }
  board: {
    input: { communityId: string; filter?: BoardFilter; cursor?: string; pageSize?: number }
    output: Page<SuggestionSummary> & { total: number }
  }
  wall: {
    input: { communityId: string; cursor?: string; pageSize?: number }
    output: Page<WallItem>
  }
  handlers: { input: { id: string }; output: HandlerCandidate[] }
  accept: { input: { id: string; reply: string }; output: SuggestionDetail }
  assign: {
    input: { id: string; handlerOpenid: string; dueDate: string; note?: string }
    output: SuggestionDetail
  }
  resolve: { input: { id: string; reply: string; photos?: string[] }; output: SuggestionDetail }
  confirm: {
    input: { id: string; satisfaction: number; comment?: string }
    output: SuggestionDetail
  }
  reopen: { input: { id: string; reason: string }; output: SuggestionDetail }
  reject: { input: { id: string; reason: string }; output: SuggestionDetail }
  merge: { input: { id: string; intoId: string; note?: string }; output: SuggestionDetail }
  statistics: {
    input: { communityId: string; month: string; estateId?: string; buildingId?: string }
    output: SuggestionStatistics
  }
  autoClose: { input: Record<string, never>; output: { closed: number } }
}

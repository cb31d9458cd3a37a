import type { SuggestionCategory, SuggestionStatus } from '../../../typings/suggestions'

/** The categories of the article's 事项 (党建工作, 民生实事, …), in the order the form offers them. */
export const CATEGORIES = [
  'party',
  'livelihood',
  'environment',
  'repair',
  'dispute',
  'safety',
  'other',
] as const satisfies readonly SuggestionCategory[]

export const STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'resolved',
  'closed',
  'rejected',
  'merged',
] as const satisfies readonly SuggestionStatus[]

/** How the app names a matter's categories and statuses. */
import type {
  HandlerRole,
  SuggestionCategory,
  SuggestionStatus,
  SuggestionSummary,
} from '../../typings'
import { formatBeijing } from './time'

export const CATEGORY_OPTIONS: Array<{ key: SuggestionCategory; label: string }> = [
  { key: 'party', label: '党建工作' },
  { key: 'livelihood', label: '民生实事' },
  { key: 'environment', label: '环境卫生' },
  { key: 'repair', label: '设施维修' },
  { key: 'dispute', label: '邻里纠纷' },
  { key: 'safety', label: '安全隐患' },
  { key: 'other', label: '其他' },
]

export const STATUS_OPTIONS: Array<{ key: SuggestionStatus; label: string; tag: string }> = [
  { key: 'submitted', label: '待受理', tag: 'warning' },
  { key: 'accepted', label: '已受理', tag: 'primary' },
  { key: 'assigned', label: '办理中', tag: 'primary' },
  { key: 'resolved', label: '待确认', tag: 'success' },
  { key: 'closed', label: '已完结', tag: 'default' },
  { key: 'rejected', label: '未受理', tag: 'default' },
  { key: 'merged', label: '已合并', tag: 'default' },
]

export const HANDLER_ROLE_WORDS: Record<HandlerRole, string> = {
  buildingHead: '楼栋长',
  gridWorker: '网格员',
  staff: '社区工作人员',
}

export function categoryLabel(key: SuggestionCategory): string {
  return CATEGORY_OPTIONS.find((c) => c.key === key)?.label ?? '其他'
}

export function statusOf(key: SuggestionStatus): { label: string; tag: string } {
  return STATUS_OPTIONS.find((s) => s.key === key) ?? { label: key, tag: 'default' }
}

export interface ListItem extends SuggestionSummary {
  categoryText: string
  statusText: string
  statusTag: string
  dateText: string
  dueText: string
}

/** A matter as a row of a list: words for its category and status, Beijing dates. */
export function toListItem(item: SuggestionSummary): ListItem {
  const status = statusOf(item.status)
  return {
    ...item,
    categoryText: categoryLabel(item.category),
    statusText: item.overdue ? '已逾期' : status.label,
    statusTag: item.overdue ? 'danger' : status.tag,
    dateText: formatBeijing(item.createdAt, 'M月D日 HH:mm'),
    dueText: item.dueAt ? `${formatBeijing(item.dueAt, 'M月D日')}前办结` : '',
  }
}

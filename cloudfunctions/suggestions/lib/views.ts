/** What each person sees of a matter: the reporter masked for everyone but staff, handler and owner. */
import type {
  SuggestionDetail,
  SuggestionSummary,
  TimelineEntry,
  WallItem,
} from '../../../typings/suggestions'
import type { Database } from '../../shared/cloud'
import { maskName } from '../../shared/privacy'
import { allowedMoves, type Viewer } from './access'
import type { ActorRole, SuggestionDoc, TimelineDoc } from './model'

const iso = (date: Date | string) => new Date(date).toISOString()

export function whereOf(item: Pick<SuggestionDoc, 'buildingName' | 'place'>): string | null {
  if (item.buildingName && item.place) return `${item.buildingName} · ${item.place}`
  return item.buildingName ?? item.place ?? null
}

export function isOverdue(item: Pick<SuggestionDoc, 'status' | 'dueAt'>, now: Date): boolean {
  return item.status === 'assigned' && item.dueAt !== null && new Date(item.dueAt) < now
}

/** isOverdue as a query condition. */
export function overdueWhere(db: Database, now: Date): Record<string, unknown> {
  return { status: 'assigned', dueAt: db.command['lt']!(now) }
}

export function toSummary(item: SuggestionDoc, now: Date): SuggestionSummary {
  return {
    id: item._id,
    category: item.category,
    title: item.title,
    status: item.status,
    where: whereOf(item),
    createdAt: iso(item.createdAt),
    dueAt: item.dueAt ? iso(item.dueAt) : null,
    overdue: isOverdue(item, now),
    onBehalf: item.onBehalf !== null,
  }
}

/** The name others may read: in full only if the reporter chose to show it. */
export function publicName(item: Pick<SuggestionDoc, 'reporterName' | 'showName'>): string {
  return item.showName ? item.reporterName : maskName(item.reporterName)
}

const ACTOR_LABELS: Record<ActorRole, string> = {
  reporter: '提出人',
  staff: '社区',
  handler: '办理人',
  system: '系统',
}

function toEntry(item: SuggestionDoc, entry: TimelineDoc): TimelineEntry {
  const actor =
    entry.actorRole === 'reporter' && item.onBehalf ? '代办人' : ACTOR_LABELS[entry.actorRole]
  return {
    at: iso(entry.at),
    actor,
    kind: entry.kind,
    ...(entry.text ? { text: entry.text } : {}),
    ...(entry.photos && entry.photos.length > 0 ? { photos: entry.photos } : {}),
  }
}

export function toDetail(item: SuggestionDoc, viewer: Viewer, now: Date): SuggestionDetail {
  const trusted = viewer.staff || viewer.owner || viewer.handler
  return {
    ...toSummary(item, now),
    communityId: item.communityId,
    buildingId: item.buildingId,
    description: item.description,
    photos: item.photos,
    reporterName: trusted ? item.reporterName : publicName(item),
    showName: item.showName,
    handler: item.handler ? { name: item.handler.name, role: item.handler.role } : null,
    satisfaction: item.satisfaction,
    reopenCount: item.reopenCount,
    mergedInto: item.mergedInto,
    timeline: item.timeline.map((entry) => toEntry(item, entry)),
    can: allowedMoves(viewer, item),
  }
}

export function toWallItem(item: SuggestionDoc): WallItem {
  return {
    id: item._id,
    category: item.category,
    title: item.title,
    description: item.description,
    where: whereOf(item),
    reporterName: publicName(item),
    reply: item.reply,
    replyPhotos: item.replyPhotos,
    satisfaction: item.satisfaction,
    createdAt: iso(item.createdAt),
    resolvedAt: iso(item.resolvedAt ?? item.updatedAt),
  }
}

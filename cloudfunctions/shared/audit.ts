/**
 * The audit trail: every staff or building-head write appends one entry (who, what, when,
 * before and after). Entries are only ever added, never changed.
 */
import type { Database } from './cloud'

export const AUDIT_COLLECTION = 'audit'

export interface AuditEntry {
  /** openid of whoever did it, or `system` for timers. */
  actor: string
  /** `<function>.<action>`, e.g. `community.appointBuildingHead`. */
  action: string
  /** What was changed: a collection and a document id. */
  target: { collection: string; id: string }
  /** The community the change belongs to, so staff can list their own audit. */
  communityId?: string
  before?: unknown
  after?: unknown
  reason?: string
}

/** An entry as stored. */
export interface AuditDoc extends Omit<AuditEntry, 'communityId'> {
  _id: string
  communityId?: string
  createdAt: Date
}

export interface AuditWriter {
  collection(name: string): { add(options: { data: unknown }): Promise<{ _id: string }> }
  serverDate: Database['serverDate']
}

export async function appendAudit(db: AuditWriter, entry: AuditEntry): Promise<string> {
  const data: Record<string, unknown> = {
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    createdAt: db.serverDate(),
  }
  // Undefined fields would be dropped by the SDK anyway; null keeps "nothing before" visible.
  if (entry.communityId !== undefined) data['communityId'] = entry.communityId
  if (entry.before !== undefined) data['before'] = entry.before
  if (entry.after !== undefined) data['after'] = entry.after
  if (entry.reason !== undefined) data['reason'] = entry.reason
  const { _id } = await db.collection(AUDIT_COLLECTION).add({ data })
  return _id
}

import { z } from 'zod'
import type { AuditView, Page } from '../../../typings/community'
import { AUDIT_COLLECTION } from '../../shared/audit'
import { loadCaller, requireStaffOf } from '../../shared/caller'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { getCommunity } from '../lib/lookups'
import { iso } from '../lib/views'

interface AuditDoc {
  _id: string
  actor: string
  action: string
  target: { collection: string; id: string }
  before?: unknown
  after?: unknown
  reason?: string
  createdAt: Date
}

/** My community's audit trail, newest first, a page at a time (cursor = the last entry's time). */
export const listAudit = defineAction({
  input: input({
    communityId: docId('社区'),
    cursor: z.iso.datetime({ error: '翻页位置不正确' }).optional(),
    pageSize: z.number().int().min(1).max(50, { error: '每页最多 50 条' }).optional(),
  }),
  async run({ communityId, cursor, pageSize = 20 }, context): Promise<Page<AuditView>> {
    const db = context.cloud.database()
    const [caller] = await Promise.all([
      loadCaller(db, context.openid),
      getCommunity(db, communityId),
    ])
    requireStaffOf(caller, communityId)
    const where: Record<string, unknown> = { communityId }
    if (cursor) where['createdAt'] = db.command['lt']!(new Date(cursor))
    const { data } = await db
      .collection<AuditDoc>(AUDIT_COLLECTION)
      .where(where)
      .orderBy('createdAt', 'desc')
      .limit(pageSize + 1)
      .get()
    const page = data.slice(0, pageSize)
    return {
      items: page.map((entry) => ({
        id: entry._id,
        actor: entry.actor,
        action: entry.action,
        target: entry.target,
        ...(entry.before !== undefined ? { before: entry.before } : {}),
        ...(entry.after !== undefined ? { after: entry.after } : {}),
        ...(entry.reason ? { reason: entry.reason } : {}),
        createdAt: iso(entry.createdAt)!,
      })),
      nextCursor: data.length > pageSize ? iso(page[page.length - 1]!.createdAt)! : null,
    }
  },
})

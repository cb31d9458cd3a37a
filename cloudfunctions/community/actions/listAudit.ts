import { z } from 'zod'
import type { AuditView, Page } from '../../../typings/community'
import { AUDIT_COLLECTION, type AuditDoc } from '../../shared/audit'
import { loadCaller, requireStaffOf } from '../../shared/caller'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { getCommunity } from '../../shared/lookups'
import { iso } from '../lib/views'

/** `<ISO time>_<id>` of the last entry of a page: time alone would skip entries written in the same millisecond. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([A-Za-z0-9_-]{1,64})$/

/** My community's audit trail, newest first, a page at a time. */
export const listAudit = defineAction({
  input: input({
    communityId: docId('社区'),
    cursor: z.string().regex(CURSOR, { error: '翻页位置不正确' }).optional(),
    pageSize: z.number().int().min(1).max(50, { error: '每页最多 50 条' }).optional(),
  }),
  async run({ communityId, cursor, pageSize = 20 }, context): Promise<Page<AuditView>> {
    const db = context.cloud.database()
    const [caller] = await Promise.all([
      loadCaller(db, context.openid),
      getCommunity(db, communityId),
    ])
    requireStaffOf(caller, communityId)
    const _ = db.command
    let where: Record<string, unknown> = { communityId }
    const after = cursor ? CURSOR.exec(cursor) : null
    if (after) {
      const at = new Date(after[1]!)
      where = _['and']!([
        { communityId },
        _['or']!([{ createdAt: _['lt']!(at) }, { createdAt: at, _id: _['lt']!(after[2]!) }]),
      ]) as Record<string, unknown>
    }
    const { data } = await db
      .collection<AuditDoc>(AUDIT_COLLECTION)
      .where(where)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1)
      .get()
    const page = data.slice(0, pageSize)
    const last = page[page.length - 1]
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
      nextCursor: data.length > pageSize && last ? `${iso(last.createdAt)}_${last._id}` : null,
    }
  },
})

import type { AuditView, Page } from '../../../typings/community'
import { AUDIT_COLLECTION, type AuditDoc } from '../../shared/audit'
import { pageOf, pagingInput } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { iso } from '../lib/views'

/** My community's audit trail, newest first, a page at a time. */
export const listAudit = defineAction({
  input: input({ communityId: docId('社区'), ...pagingInput }),
  async run({ communityId, ...paging }, context): Promise<Page<AuditView>> {
    const db = context.cloud.database()
    const { rows, nextCursor } = await pageOf<AuditDoc>(
      db,
      AUDIT_COLLECTION,
      { communityId },
      'createdAt',
      paging,
    )
    return {
      items: rows.map((entry) => ({
        id: entry._id,
        actor: entry.actor,
        action: entry.action,
        target: entry.target,
        ...(entry.before !== undefined ? { before: entry.before } : {}),
        ...(entry.after !== undefined ? { after: entry.after } : {}),
        ...(entry.reason ? { reason: entry.reason } : {}),
        createdAt: iso(entry.createdAt)!,
      })),
      nextCursor,
    }
  },
})

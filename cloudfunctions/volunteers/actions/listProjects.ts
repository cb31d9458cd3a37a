import { z } from 'zod'
import type { Page } from '../../../typings/community'
import type { ProjectSummary } from '../../../typings/volunteers'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { timeCursor } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc } from '../lib/model'
import { afterCursor, pageOf } from '../lib/pages'
import { projectSummaries } from '../lib/views'

/** Projects not yet ended, soonest first: the 志愿 tab. Anyone may look, no sign-in data needed. */
export const listProjects = defineAction({
  input: input({
    communityId: docId('社区').optional(),
    cursor: timeCursor(),
    pageSize: z.number().int().min(1).max(50, { error: '每页最多 50 个' }).optional(),
  }),
  async run({ communityId, cursor, pageSize = 20 }, context): Promise<Page<ProjectSummary>> {
    const db = context.cloud.database()
    const now = context.now()
    const base: Record<string, unknown> = {
      status: 'open',
      endAt: db.command['gt']!(now),
      ...(communityId ? { communityId } : {}),
    }
    const { data } = await db
      .collection<ProjectDoc>(VOLUNTEER_COLLECTIONS.projects)
      .where(afterCursor(db, base, 'startAt', 'asc', cursor))
      .orderBy('startAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(pageSize + 1)
      .get()
    const page = pageOf(data, pageSize, (p) => p.startAt)
    return { items: await projectSummaries(db, page.items, now), nextCursor: page.nextCursor }
  },
})

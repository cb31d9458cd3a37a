import { z } from 'zod'
import type { Page } from '../../../typings/community'
import type { ProjectSummary } from '../../../typings/volunteers'
import { pageCursor, pageOf } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc } from '../lib/model'
import { projectSummaries } from '../lib/views'

/** Projects not yet ended, soonest first: the 志愿 tab. Anyone may look, no sign-in data needed. */
export const listProjects = defineAction({
  input: input({
    communityId: docId('社区').optional(),
    cursor: pageCursor().optional(),
    pageSize: z.number().int().min(1).max(50, { error: '每页最多 50 个' }).optional(),
  }),
  async run({ communityId, ...paging }, context): Promise<Page<ProjectSummary>> {
    const db = context.cloud.database()
    const now = context.now()
    const base: Record<string, unknown> = {
      status: 'open',
      endAt: db.command['gt']!(now),
      ...(communityId ? { communityId } : {}),
    }
    const { rows, nextCursor } = await pageOf<ProjectDoc>(
      db,
      VOLUNTEER_COLLECTIONS.projects,
      base,
      'startAt',
      paging,
      'asc',
    )
    return { items: await projectSummaries(db, rows, now), nextCursor }
  },
})

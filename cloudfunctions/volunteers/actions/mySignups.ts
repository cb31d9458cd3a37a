import type { Page } from '../../../typings/community'
import type { MySignupItem } from '../../../typings/volunteers'
import { byIds } from '../../shared/lookups'
import { defineAction } from '../../shared/router'
import { input, oneOf } from '../../shared/validation'
import { timeCursor } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type SignupDoc } from '../lib/model'
import { afterCursor, pageOf } from '../lib/pages'
import { mySignupView, projectSummaries, teamNames, waitlistRank } from '../lib/views'

const PAGE = 20

/** 我的报名: projects not yet ended (soonest first) or ended (latest first), a page at a time. */
export const mySignups = defineAction({
  input: input({ scope: oneOf('范围', ['upcoming', 'past']), cursor: timeCursor() }),
  async run({ scope, cursor }, context): Promise<Page<MySignupItem>> {
    const db = context.cloud.database()
    const _ = db.command
    const now = context.now()
    const upcoming = scope === 'upcoming'
    const base = {
      openid: context.openid,
      status: upcoming ? _['in']!(['confirmed', 'waitlisted']) : 'confirmed',
      endAt: upcoming ? _['gt']!(now) : _['lte']!(now),
    }
    const order = upcoming ? 'asc' : 'desc'
    const { data } = await db
      .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
      .where(afterCursor(db, base, 'startAt', order, cursor))
      .orderBy('startAt', order)
      .orderBy('_id', order)
      .limit(PAGE + 1)
      .get()
    const page = pageOf(data, PAGE, (s) => s.startAt)
    const projects = await byIds<ProjectDoc>(
      db,
      VOLUNTEER_COLLECTIONS.projects,
      page.items.map((s) => s.projectId),
    )
    const summaries = new Map(
      (await projectSummaries(db, [...projects.values()], now)).map((p) => [p.id, p]),
    )
    const names = await teamNames(
      db,
      page.items.map((s) => s.teamId),
    )
    const items: MySignupItem[] = []
    for (const signup of page.items) {
      const project = summaries.get(signup.projectId)
      if (!project) continue
      items.push({
        ...mySignupView(
          signup,
          await waitlistRank(db, signup),
          signup.teamId ? (names.get(signup.teamId) ?? null) : null,
        ),
        project,
      })
    }
    return { items, nextCursor: page.nextCursor }
  },
})

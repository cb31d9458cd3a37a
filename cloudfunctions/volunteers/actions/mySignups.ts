import type { Page } from '../../../typings/community'
import type { MySignupItem } from '../../../typings/volunteers'
import { byIds } from '../../shared/lookups'
import { pageCursor, pageOf } from '../../shared/pagination'
import { defineAction } from '../../shared/router'
import { input, oneOf } from '../../shared/validation'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type SignupDoc } from '../lib/model'
import { mySignupView, projectSummaries, teamNames, waitlistRank } from '../lib/views'

/** 我的报名: projects not yet ended (soonest first) or ended (latest first), a page at a time. */
export const mySignups = defineAction({
  input: input({ scope: oneOf('范围', ['upcoming', 'past']), cursor: pageCursor().optional() }),
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
    const page = await pageOf<SignupDoc>(
      db,
      VOLUNTEER_COLLECTIONS.signups,
      base,
      'startAt',
      { cursor },
      upcoming ? 'asc' : 'desc',
    )
    const projects = await byIds<ProjectDoc>(
      db,
      VOLUNTEER_COLLECTIONS.projects,
      page.rows.map((s) => s.projectId),
    )
    const summaries = new Map(
      (await projectSummaries(db, [...projects.values()], now)).map((p) => [p.id, p]),
    )
    const names = await teamNames(
      db,
      page.rows.map((s) => s.teamId),
    )
    // Sign-ups whose project is gone are left out; the waitlist ranks are counted side by side.
    const shown = page.rows.flatMap((signup) => {
      const project = summaries.get(signup.projectId)
      return project ? [{ signup, project }] : []
    })
    const items = await Promise.all(
      shown.map(async ({ signup, project }): Promise<MySignupItem> => ({
        ...mySignupView(
          signup,
          await waitlistRank(db, signup),
          signup.teamId ? (names.get(signup.teamId) ?? null) : null,
        ),
        project,
      })),
    )
    return { items, nextCursor: page.nextCursor }
  },
})

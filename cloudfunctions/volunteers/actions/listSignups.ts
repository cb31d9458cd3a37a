import { z } from 'zod'
import type { Page } from '../../../typings/community'
import type { OrganiserSignupView } from '../../../typings/volunteers'
import { defineAction } from '../../shared/router'
import { input } from '../../shared/validation'
import { projectId } from '../lib/fields'
import { VOLUNTEER_COLLECTIONS, type SignupDoc } from '../lib/model'
import { organiserSignupView, teamNames } from '../lib/views'

const PAGE = 50

/**
 * The organiser's list (and staff's): everyone holding a place or waiting, in order of arrival,
 * with full names, check-in state and hours. The cursor is the last one's order.
 */
export const listSignups = defineAction({
  input: input({
    projectId: projectId(),
    cursor: z
      .string()
      .regex(/^\d{1,6}$/, { error: '翻页位置不正确' })
      .optional(),
  }),
  async run({ projectId: id, cursor }, context): Promise<Page<OrganiserSignupView>> {
    const db = context.cloud.database()
    const _ = db.command
    const { data } = await db
      .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
      .where({
        projectId: id,
        status: _['in']!(['confirmed', 'waitlisted']),
        order: _['gt']!(cursor === undefined ? -1 : Number(cursor)),
      })
      .orderBy('order', 'asc')
      .limit(PAGE + 1)
      .get()
    const page = data.slice(0, PAGE)
    const names = await teamNames(
      db,
      page.map((s) => s.teamId),
    )
    // Ranks in the waitlist: those waiting before this page, then one by one.
    const firstWaiting = page.find((s) => s.status === 'waitlisted')
    let rank = firstWaiting
      ? (
          await db
            .collection(VOLUNTEER_COLLECTIONS.signups)
            .where({ projectId: id, status: 'waitlisted', order: _['lt']!(firstWaiting.order) })
            .count()
        ).total
      : 0
    const items = page.map((s) =>
      organiserSignupView(
        s,
        s.status === 'waitlisted' ? ++rank : null,
        s.teamId ? (names.get(s.teamId) ?? null) : null,
      ),
    )
    const last = page[page.length - 1]
    return { items, nextCursor: data.length > PAGE && last ? String(last.order) : null }
  },
})

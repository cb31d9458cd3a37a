import { z } from 'zod'
import type { DashboardMonth, VolunteerDashboard } from '../../../typings/volunteers'
import { defineAction } from '../../shared/router'
import { docId, input } from '../../shared/validation'
import { VOLUNTEER_COLLECTIONS } from '../lib/model'
import { hoursOf } from '../lib/rules'
import { distinctVolunteers, serviceTotalsBy } from '../lib/totals'

/**
 * The staff dashboard for a year: projects launched and held, 人次 (service instances with
 * confirmed hours), distinct volunteers and hours, month by month. Aggregated by the database.
 */
export const dashboard = defineAction({
  input: input({
    communityId: docId('社区'),
    year: z
      .number({ error: '请选择年份' })
      .int({ error: '年份格式不正确' })
      .min(2020, { error: '年份格式不正确' })
      .max(2100, { error: '年份格式不正确' }),
  }),
  async run({ communityId, year }, context): Promise<VolunteerDashboard> {
    const db = context.cloud.database()
    const _ = db.command
    const now = context.now()
    const months = Array.from(
      { length: 12 },
      (_v, i) => `${year}-${String(i + 1).padStart(2, '0')}`,
    )
    const inYear = { communityId, month: _['in']!(months) }
    const $ = db.command.aggregate
    const [service, volunteers, projectRows, openHelp] = await Promise.all([
      serviceTotalsBy(db, inYear, 'month'),
      distinctVolunteers(db, inYear),
      db
        .collection(VOLUNTEER_COLLECTIONS.projects)
        .aggregate()
        .match({ ...inYear, status: 'open' })
        .group({
          _id: '$month',
          launched: $['sum']!(1),
          held: $['sum']!($['cond']!([$['lte']!(['$endAt', now]), 1, 0])),
        })
        .limit(12)
        .end(),
      db
        .collection(VOLUNTEER_COLLECTIONS.helpRequests)
        .where({ communityId, status: 'open' })
        .count(),
    ])
    const projects = new Map(projectRows.list.map((row) => [String(row['_id']), row]))
    const series: DashboardMonth[] = months.map((m) => ({
      month: m,
      projects: Number(projects.get(m)?.['launched'] ?? 0),
      services: service.get(m)?.services ?? 0,
      hours: hoursOf(service.get(m)?.minutes ?? 0),
    }))
    const minutes = [...service.values()].reduce((sum, t) => sum + t.minutes, 0)
    return {
      communityId,
      year,
      projectsLaunched: series.reduce((sum, m) => sum + m.projects, 0),
      projectsHeld: projectRows.list.reduce((sum, row) => sum + Number(row['held'] ?? 0), 0),
      services: series.reduce((sum, m) => sum + m.services, 0),
      volunteers,
      hours: hoursOf(minutes),
      minutes,
      months: series,
      openHelpRequests: openHelp.total,
    }
  },
})

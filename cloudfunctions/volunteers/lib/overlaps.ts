/** A volunteer's other projects at the same time: warned about, never refused. */
import type { OverlapView } from '../../../typings/volunteers'
import type { Database } from '../../shared/cloud'
import { byIds } from '../../shared/lookups'
import { VOLUNTEER_COLLECTIONS, type ProjectDoc, type SignupDoc } from './model'

export async function overlapsFor(
  db: Database,
  openid: string,
  project: Pick<ProjectDoc, '_id' | 'startAt' | 'endAt'>,
  exclude?: string,
): Promise<OverlapView[]> {
  const _ = db.command
  const { data } = await db
    .collection<SignupDoc>(VOLUNTEER_COLLECTIONS.signups)
    .where({
      openid,
      status: _['in']!(['confirmed', 'waitlisted']),
      startAt: _['lt']!(project.endAt),
      endAt: _['gt']!(project.startAt),
    })
    .orderBy('startAt', 'asc')
    .limit(20)
    .get()
  const others = data.filter((s) => s.projectId !== project._id && s._id !== exclude)
  if (others.length === 0) return []
  // A project cancelled since is no clash.
  const projects = await byIds<ProjectDoc>(
    db,
    VOLUNTEER_COLLECTIONS.projects,
    others.map((s) => s.projectId),
  )
  return others
    .filter((s) => projects.get(s.projectId)?.status === 'open')
    .map((s) => ({
      projectId: s.projectId,
      title: s.title,
      startAt: new Date(s.startAt).toISOString(),
      endAt: new Date(s.endAt).toISOString(),
    }))
}

import type { RoleView } from '../../../typings/community'
import { appendAudit } from '../../shared/audit'
import type { Database } from '../../shared/cloud'
import { COLLECTIONS, type Role, type UserDoc } from '../../shared/model'
import { getLiveUser } from '../../shared/lookups'
import { roleViews } from './views'

/** Replaces a user's staff role in one community (none, staff or gridWorker), audited. */
export async function setStaffRole(
  db: Database,
  actor: string,
  communityId: string,
  openid: string,
  kind: 'staff' | 'gridWorker' | null,
): Promise<{ openid: string; roles: RoleView[] }> {
  const user = await getLiveUser(db, openid)
  const isStaffRole = (r: Role) =>
    (r.role === 'staff' || r.role === 'gridWorker') && r.communityId === communityId
  const roles = user.roles.filter((r) => !isStaffRole(r))
  if (kind) roles.push({ role: kind, communityId })
  await db
    .collection<UserDoc>(COLLECTIONS.users)
    .doc(openid)
    .update({ data: { roles: db.command['set']!(roles) } })
  await appendAudit(db, {
    actor,
    action: kind ? 'community.grantStaff' : 'community.revokeStaff',
    target: { collection: COLLECTIONS.users, id: openid },
    communityId,
    before: { roles: user.roles.filter(isStaffRole) },
    after: { roles: roles.filter(isStaffRole) },
  })
  return { openid, roles: await roleViews(db, roles) }
}

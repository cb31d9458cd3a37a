import type { RoleView } from '../../../typings/community'
import { appendAudit } from '../../shared/audit'
import type { Database, Transaction } from '../../shared/cloud'
import { AppError } from '../../shared/errors'
import { COLLECTIONS, type CommunityDoc, type Role, type UserDoc } from '../../shared/model'
import { getCommunity, getLiveUser } from '../../shared/lookups'
import { inShortTransaction } from '../../shared/transaction'
import { roleViews } from './views'

type StaffKind = 'staff' | 'gridWorker'

const LAST_STAFF = '社区至少要保留一名工作人员，请先任命接替的人'

const isStaffRoleIn = (communityId: string) => (r: Role) =>
  (r.role === 'staff' || r.role === 'gridWorker') && r.communityId === communityId

/**
 * The community's staff, as its document keeps them (`staffOpenids`, written in the same
 * transaction as every role change); for a community written before that field, found once
 * from the users' roles.
 */
async function staffSeed(db: Database, community: CommunityDoc): Promise<string[]> {
  if (community.staffOpenids) return community.staffOpenids
  const { data } = await db
    .collection<UserDoc>(COLLECTIONS.users)
    .where({ roles: db.command['elemMatch']!({ role: 'staff', communityId: community._id }) })
    .limit(1000)
    .get()
  return data.filter((u) => !u.deleted).map((u) => u.openid)
}

/**
 * Replaces a user's staff role in one community (none, staff or gridWorker), audited. The role
 * and the community's staff list change in one transaction, so that two staff members removing
 * each other at once cannot leave the community with none.
 */
export async function setStaffRole(
  db: Database,
  actor: string,
  communityId: string,
  openid: string,
  kind: StaffKind | null,
): Promise<{ openid: string; roles: RoleView[] }> {
  const [community, before] = await Promise.all([
    getCommunity(db, communityId),
    getLiveUser(db, openid),
  ])
  const seed = await staffSeed(db, community)
  const roles = await inShortTransaction(db, async (tx) => {
    const { staff, user } = await readStaff(tx, communityId, openid, seed)
    const next = user.roles.filter((r) => !isStaffRoleIn(communityId)(r))
    if (kind) next.push({ role: kind, communityId })
    if (kind === 'staff') staff.add(openid)
    else staff.delete(openid)
    if (staff.size === 0) throw new AppError('FAILED_PRECONDITION', LAST_STAFF)
    await writeStaff(tx, communityId, staff)
    await tx
      .collection<UserDoc>(COLLECTIONS.users)
      .doc(openid)
      .update({ data: { roles: db.command['set']!(next) } })
    return next
  })
  await appendAudit(db, {
    actor,
    action: kind ? 'community.grantStaff' : 'community.revokeStaff',
    target: { collection: COLLECTIONS.users, id: openid },
    communityId,
    before: { roles: before.roles.filter(isStaffRoleIn(communityId)) },
    after: { roles: roles.filter(isStaffRoleIn(communityId)) },
  })
  return { openid, roles: await roleViews(db, roles) }
}

/**
 * Takes a person off the staff of every community they serve, inside the caller's transaction;
 * refused if they are the last staff member of one.
 */
export async function leaveAllStaff(
  db: Database,
  tx: Transaction,
  user: UserDoc,
  seeds: Map<string, string[]>,
): Promise<void> {
  for (const [communityId, seed] of seeds) {
    const { staff } = await readStaff(tx, communityId, user.openid, seed)
    staff.delete(user.openid)
    if (staff.size === 0) throw new AppError('FAILED_PRECONDITION', `${LAST_STAFF}后再删除资料`)
    await writeStaff(tx, communityId, staff)
  }
}

/** The staff seeds of the communities where `user` is staff, read before a transaction. */
export async function staffSeedsOf(db: Database, user: UserDoc): Promise<Map<string, string[]>> {
  const ids = [...new Set(user.roles.filter((r) => r.role === 'staff').map((r) => r.communityId))]
  const seeds = new Map<string, string[]>()
  for (const id of ids) seeds.set(id, await staffSeed(db, await getCommunity(db, id)))
  return seeds
}

async function readStaff(tx: Transaction, communityId: string, openid: string, seed: string[]) {
  const [{ data: community }, { data: user }] = await Promise.all([
    tx.collection<CommunityDoc>(COLLECTIONS.communities).doc(communityId).get(),
    tx.collection<UserDoc>(COLLECTIONS.users).doc(openid).get(),
  ])
  if (!community) throw new AppError('NOT_FOUND', '没有找到这个社区')
  if (!user || user.deleted) throw new AppError('NOT_FOUND', '这个用户已注销')
  return { staff: new Set(community.staffOpenids ?? seed), user }
}

function writeStaff(tx: Transaction, communityId: string, staff: Set<string>) {
  return tx
    .collection<CommunityDoc>(COLLECTIONS.communities)
    .doc(communityId)
    .update({ data: { staffOpenids: [...staff].sort() } })
}

/** Who a matter may be assigned to: the building's heads, and the community's grid workers and staff. */
import type { HandlerCandidate, HandlerRole } from '../../../typings/suggestions'
import type { Database } from '../../shared/cloud'
import { byIds } from '../../shared/lookups'
import { COLLECTIONS, type BuildingDoc, type UserDoc } from '../../shared/model'
import type { SuggestionDoc } from './model'

export async function handlerCandidates(
  db: Database,
  item: Pick<SuggestionDoc, 'communityId' | 'buildingId' | 'buildingName'>,
): Promise<HandlerCandidate[]> {
  const [{ data: members }, building] = await Promise.all([
    db
      .collection<UserDoc>(COLLECTIONS.users)
      .where({ 'roles.communityId': item.communityId })
      .limit(1000)
      .get(),
    item.buildingId
      ? db.collection<BuildingDoc>(COLLECTIONS.buildings).doc(item.buildingId).get()
      : Promise.resolve({ data: null }),
  ])
  const candidates: HandlerCandidate[] = []
  const heads = await byIds<UserDoc>(db, COLLECTIONS.users, building.data?.headOpenids ?? [])
  for (const head of heads.values()) {
    if (head.deleted) continue
    candidates.push({
      openid: head.openid,
      name: head.realName ?? head.displayName,
      role: 'buildingHead',
      ...(item.buildingName ? { building: item.buildingName } : {}),
    })
  }
  const order: HandlerRole[] = ['gridWorker', 'staff']
  for (const role of order) {
    for (const user of members) {
      const has = user.roles.some((r) => r.role === role && r.communityId === item.communityId)
      if (has && !user.deleted && !candidates.some((c) => c.openid === user.openid)) {
        candidates.push({ openid: user.openid, name: user.realName ?? user.displayName, role })
      }
    }
  }
  return candidates
}

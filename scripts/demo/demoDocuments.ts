/** The demo data as documents per collection, ready to insert into an empty store. */
import { demoFees } from './fees'
import { buildingId, DEMO_COMMUNITIES, householdId } from './places'
import { demoSuggestions } from './demoSuggestions'
import { DEMO_USERS } from './users'
import { demoVolunteerDocuments } from './volunteers'

export type DemoDocuments = Record<string, Array<Record<string, unknown>>>

/** A fixed instant, so that the demo looks the same on every machine. */
export function demoDocuments(now: Date): DemoDocuments {
  const docs: DemoDocuments = {
    communities: [],
    estates: [],
    buildings: [],
    households: [],
    users: [],
    bindings: [],
  }
  for (const community of DEMO_COMMUNITIES) {
    docs.communities!.push({
      _id: community.id,
      name: community.name,
      street: community.street,
      district: '蕉城区',
      createdAt: now,
    })
    for (const estate of community.estates) {
      docs.estates!.push({
        _id: estate.id,
        communityId: community.id,
        name: estate.name,
        createdAt: now,
      })
      estate.buildings.forEach((b, order) => {
        const id = buildingId(estate.id, b.number)
        const heads = DEMO_USERS.filter((u) =>
          u.roles.some((r) => r.role === 'buildingHead' && r.buildingId === id),
        )
        docs.buildings!.push({
          _id: id,
          communityId: community.id,
          estateId: estate.id,
          number: b.number,
          sortKey: `${estate.name}-${String(order).padStart(3, '0')}`,
          headOpenids: heads.map((u) => u.openid),
          householdCount: b.floors * b.roomsPerFloor,
          ...(id === 'b-jinhan-2b-17'
            ? { partnerUnit: { name: '宁德市委宣传部', adoptedAt: now } }
            : {}),
          createdAt: now,
        })
        for (let floor = 1; floor <= b.floors; floor++) {
          for (let room = 1; room <= b.roomsPerFloor; room++) {
            const number = `${floor}${String(room).padStart(2, '0')}`
            docs.households!.push({
              _id: householdId(id, number),
              communityId: community.id,
              estateId: estate.id,
              buildingId: id,
              room: number,
              floor,
              partyMember: (floor + room) % 7 === 0,
              vacant: (floor * 3 + room) % 11 === 0,
              createdAt: now,
            })
          }
        }
      })
    }
  }
  const communityOfBuilding = new Map(docs.buildings!.map((b) => [b['_id'], b['communityId']]))
  for (const user of DEMO_USERS) {
    docs.users!.push({
      _id: user.openid,
      openid: user.openid,
      displayName: user.displayName,
      roles: user.roles,
      createdAt: now,
    })
    for (const [binding, status] of [
      [user.household, 'approved'],
      [user.pendingHousehold, 'pending'],
    ] as const) {
      if (!binding) continue
      docs.bindings!.push({
        _id: `${user.openid}_${householdId(binding.buildingId, binding.room)}`,
        openid: user.openid,
        householdId: householdId(binding.buildingId, binding.room),
        buildingId: binding.buildingId,
        communityId: communityOfBuilding.get(binding.buildingId),
        status,
        activeSlot: 'active',
        requestedAt: now,
        ...(status === 'approved' ? { reviewedBy: 'demo-head-jiguang-3', reviewedAt: now } : {}),
      })
    }
  }
  docs['corridorRatings'] = demoRatings(docs, now)
  Object.assign(
    docs,
    demoFees(
      docs
        .households!.filter((h) => h['buildingId'] === 'b-jiguang-3')
        .map((h) => String(h['room'])),
      now,
    ),
  )
  docs['suggestions'] = demoSuggestions(now) as unknown as Array<Record<string, unknown>>
  for (const [collection, list] of Object.entries(demoVolunteerDocuments(now)))
    docs[collection] = [...(docs[collection] ?? []), ...list]
  return docs
}

/** Shanghai months before `now`, most recent last: `2026-06` … `2026-10` for a November `now`. */
function previousMonths(now: Date, count: number): string[] {
  const shanghai = new Date(now.getTime() + 8 * 3600 * 1000)
  const index = shanghai.getUTCFullYear() * 12 + shanghai.getUTCMonth()
  return Array.from({ length: count }, (_unused, i) => {
    const m = index - count + i
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
  })
}

/**
 * Five past months of 睦邻楼道 ratings from about half the households, so that the demo's trend
 * charts and rankings have something to show. 金涵小区二期B区17号楼, adopted by the city's
 * publicity department, rates highest, as a five-star corridor would.
 */
function demoRatings(docs: DemoDocuments, now: Date): Array<Record<string, unknown>> {
  const ratings: Array<Record<string, unknown>> = []
  const months = previousMonths(now, 5)
  months.forEach((month, m) => {
    for (const household of docs['households']!) {
      const id = String(household['_id'])
      const seed = [...id].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) + m * 7
      if (seed % 2 === 1) continue
      const adopted = household['buildingId'] === 'b-jinhan-2b-17'
      const star = (k: number) =>
        adopted ? 4 + ((seed + k) % 4 === 0 ? 0 : 1) : 2 + ((seed * (k + 3) + m) % 4)
      ratings.push({
        _id: `${id}_${month}`,
        communityId: household['communityId'],
        buildingId: household['buildingId'],
        householdId: id,
        month,
        openid: 'demo-seed',
        scores: {
          cleanliness: star(0),
          safety: star(1),
          facilities: star(2),
          culture: star(3),
          harmony: star(4),
        },
        photos: [],
        submissions: 1,
        updatedAt: now,
      })
    }
  })
  return ratings
}

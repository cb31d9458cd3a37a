/**
 * A building with more rooms than one page of `listHouseholds` (200), and its head: for the
 * pages whose room pickers must read every page.
 */
import type { Store } from '../../../local-cloud/src/database/store'

export const BIG_BUILDING = {
  id: 'b-jiguang-big',
  number: '大楼',
  head: 'head-big',
  rooms: 230,
  /** The 225th room, on the second page. */
  lateRoom: '2305',
  lateHouseholdId: 'h-b-jiguang-big-2305',
} as const

export function seedBigBuilding(store: Store): void {
  const { id, number, head, rooms } = BIG_BUILDING
  store.atomically(() => {
    store.write('buildings', id, {
      communityId: 'c-hefeng',
      estateId: 'e-jiguang',
      number,
      sortKey: `继光花苑-${id}`,
      headOpenids: [head],
      householdCount: rooms,
      createdAt: new Date(),
    })
    for (let i = 0; i < rooms; i++) {
      const floor = Math.floor(i / 10) + 1
      const room = `${floor}${String((i % 10) + 1).padStart(2, '0')}`
      store.write('households', `h-${id}-${room}`, {
        communityId: 'c-hefeng',
        estateId: 'e-jiguang',
        buildingId: id,
        room,
        floor,
        partyMember: false,
        vacant: false,
        createdAt: new Date(),
      })
    }
    store.write('users', head, {
      openid: head,
      displayName: '楼长大',
      roles: [{ role: 'buildingHead', communityId: 'c-hefeng', buildingId: id }],
      createdAt: new Date(),
    })
  })
}

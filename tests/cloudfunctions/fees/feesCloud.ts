/**
 * The built `fees` function on a local cloud with the demo seeded, plus what the fee tests need:
 * buildings of any size written straight into the store, extra heads, and the same actions run
 * in-process with a clock the test moves (the function runtime always runs on today).
 */
import { feeActions } from '../../../cloudfunctions/fees/actions'
import { feesPolicy } from '../../../cloudfunctions/fees/policy'
import type { Cloud, Database } from '../../../cloudfunctions/shared/cloud'
import { createRouter } from '../../../cloudfunctions/shared/router'
import type { Envelope } from '../../../typings'
import { startCommunityCloud, type CommunityCloud } from '../community/communityCloud'

export interface FeesCloud extends CommunityCloud {
  fees<T = any>(
    openid: string,
    action: string,
    input?: Record<string, unknown>,
  ): Promise<Envelope<T>>
  /** The same action in this process at `now`, against the same database. */
  feesAt<T = any>(
    now: Date,
    openid: string,
    action: string,
    input?: Record<string, unknown>,
  ): Promise<Envelope<T>>
  /** The same action in this process on today, its database seen through `wrap`: to interleave calls. */
  feesThrough<T = any>(
    wrap: (db: Database) => Database,
    openid: string,
    action: string,
    input?: Record<string, unknown>,
  ): Promise<Envelope<T>>
  /** A building of `households` rooms (floor × 100 + n, 10 a floor) in 鹤峰社区/继光花苑, with heads. */
  addBuilding(id: string, households: number, heads: string[]): string[]
}

export async function startFeesCloud(): Promise<FeesCloud> {
  const c = await startCommunityCloud()
  const inProcess = (openid: string, now: Date, wrap = (db: Database) => db) =>
    createRouter('fees', feeActions, feesPolicy, {
      cloud: (): Cloud => ({
        database: () => wrap(c.sdk.database({ throwOnNotFound: false } as never) as never),
        wxContext: () => ({ OPENID: openid }),
        sdk: c.sdk as never,
      }),
      now: () => now,
    })
  return {
    ...c,
    fees: (openid, action, input = {}) =>
      c.cloud.callFunction('fees', { action, ...input }, openid) as never,
    feesAt: (now, openid, action, input = {}) =>
      inProcess(openid, now)({ action, ...input }) as never,
    feesThrough: (wrap, openid, action, input = {}) =>
      inProcess(openid, new Date(), wrap)({ action, ...input }) as never,
    addBuilding(id, households, heads) {
      const store = c.cloud.store
      const rooms: string[] = []
      store.atomically(() => {
        store.write('buildings', id, {
          communityId: 'c-hefeng',
          estateId: 'e-jiguang',
          number: `${id.replace(/^b-/, '')}号楼`,
          sortKey: `继光花苑-${id}`,
          headOpenids: heads,
          householdCount: households,
          createdAt: new Date(),
        })
        for (let i = 0; i < households; i++) {
          const floor = Math.floor(i / 10) + 1
          const room = `${floor}${String((i % 10) + 1).padStart(2, '0')}`
          rooms.push(`h-${id}-${room}`)
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
        for (const head of heads) {
          store.write('users', head, {
            openid: head,
            displayName: `楼长${head.slice(-1)}`,
            roles: [{ role: 'buildingHead', communityId: 'c-hefeng', buildingId: id }],
            createdAt: new Date(),
          })
        }
      })
      return rooms
    },
  }
}

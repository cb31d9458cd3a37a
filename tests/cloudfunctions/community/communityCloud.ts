/**
 * The built `community` function on an in-memory local cloud with the demo seeded: callers of
 * every kind the permission matrix needs.
 */
import * as path from 'node:path'
import type { Envelope } from '../../../typings'
import { seedDemoIfEmpty } from '../../../scripts/localCloud/seedDemo'
import { startTestCloud, type TestCloud } from '../../local-cloud/support/testCloud'

export const CALLERS = {
  unbound: 'demo-resident-li',
  resident: 'demo-resident-huang',
  headOfThisBuilding: 'demo-head-jiguang-3',
  headOfAnotherBuilding: 'test-head-jiguang-4',
  staffOfThisCommunity: 'demo-staff-hefeng',
  staffOfAnotherCommunity: 'demo-staff-jinxi',
} as const
export type CallerKind = keyof typeof CALLERS

export const ADMIN = 'test-admin'
export const THIS_BUILDING = 'b-jiguang-3'

export interface CommunityCloud extends TestCloud {
  call<T = unknown>(
    openid: string,
    action: string,
    input?: Record<string, unknown>,
  ): Promise<Envelope<T>>
  /** Every document of every collection: to prove that a refusal changed nothing. */
  digest(): string
  /** Uploads a photo as the app does (to `uploads/<path>`) and records it as `openid`'s. */
  uploadPhoto(openid: string, path: string): Promise<string>
}

export async function startCommunityCloud(): Promise<CommunityCloud> {
  const t = await startTestCloud({
    schemaDir: path.resolve(__dirname, '../../../database'),
    functionEnv: { community: { JINLIN_ADMIN_OPENIDS: ADMIN } },
  })
  await seedDemoIfEmpty(t.cloud)
  const users = t.db.collection('users')
  await users.add({
    data: {
      _id: CALLERS.headOfAnotherBuilding,
      openid: CALLERS.headOfAnotherBuilding,
      displayName: '赵楼长',
      roles: [{ role: 'buildingHead', communityId: 'c-hefeng', buildingId: 'b-jiguang-4' }],
      createdAt: new Date(),
    },
  })
  await t.db
    .collection('buildings')
    .doc('b-jiguang-4')
    .update({ data: { headOpenids: [CALLERS.headOfAnotherBuilding] } })
  // Everyone in the demo has agreed to the privacy notice, and huang gave a phone number.
  await users.where({}).update({ data: { privacyAgreed: { version: '1', at: new Date() } } })
  await users.doc(CALLERS.resident).update({ data: { realName: '黄建华', phone: '13812341234' } })
  return {
    ...t,
    call: (openid, action, input = {}) =>
      t.cloud.callFunction('community', { action, ...input }, openid) as never,
    async uploadPhoto(openid, path) {
      const response = await fetch(
        `${t.cloud.url}/uploadFile?cloudPath=${encodeURIComponent(`uploads/${path}`)}`,
        { method: 'POST', headers: { 'X-WX-OPENID': openid }, body: Buffer.from('jpeg') },
      )
      const { fileID } = (await response.json()) as { fileID: string }
      const recorded = (await t.cloud.callFunction(
        'community',
        { action: 'recordUploads', fileIds: [fileID] },
        openid,
      )) as Envelope<unknown>
      if (!recorded.ok) throw new Error(`recordUploads: ${recorded.error.message}`)
      return fileID
    },
    digest: () =>
      JSON.stringify(
        t.cloud.store
          .listCollections()
          .map((name) => [name, t.cloud.store.find(name, { filter: {}, sort: [['_id', 1]] })]),
      ),
  }
}

let sequence = 0
export function newRequestId(): string {
  sequence += 1
  return `req-${Date.now().toString(36)}-${sequence.toString().padStart(4, '0')}`
}

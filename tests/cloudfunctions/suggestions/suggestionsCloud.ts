/**
 * The built `suggestions` function on an in-memory local cloud with the demo seeded (see
 * communityCloud), a grid worker of 鹤峰社区, and helpers that walk a matter to any status.
 */
import type { Envelope, SuggestionStatus } from '../../../typings'
import {
  CALLERS,
  newRequestId,
  startCommunityCloud,
  type CommunityCloud,
} from '../community/communityCloud'

export const PEOPLE = {
  reporter: CALLERS.resident,
  neighbour: CALLERS.unbound,
  head: CALLERS.headOfThisBuilding,
  otherHead: CALLERS.headOfAnotherBuilding,
  staff: CALLERS.staffOfThisCommunity,
  otherStaff: CALLERS.staffOfAnotherCommunity,
  grid: 'test-grid-hefeng',
} as const

export const BUILDING = 'b-jiguang-3'
export const COMMUNITY = 'c-hefeng'

export interface SuggestionsCloud extends CommunityCloud {
  suggest<T = any>(
    openid: string,
    action: string,
    input?: Record<string, unknown>,
  ): Promise<Envelope<T>>
  /** A new matter by the reporter, walked to `status` by the people whose step it is. */
  matterIn(status: SuggestionStatus, extra?: Record<string, unknown>): Promise<string>
  /** Uploads a photo as a development build does, answering its fileID. */
  /** A photo uploaded and recorded by the reporter. */
  reporterPhoto(name: string): Promise<string>
}

export const dueIn = (days: number) =>
  new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)

export async function startSuggestionsCloud(): Promise<SuggestionsCloud> {
  const c = await startCommunityCloud()
  await c.db.collection('users').add({
    data: {
      _id: PEOPLE.grid,
      openid: PEOPLE.grid,
      displayName: '周网格',
      roles: [{ role: 'gridWorker', communityId: COMMUNITY }],
      privacyAgreed: { version: '1', at: new Date() },
      createdAt: new Date(),
    },
  })
  const suggest = (openid: string, action: string, input: Record<string, unknown> = {}) =>
    c.cloud.callFunction('suggestions', { action, ...input }, openid) as Promise<Envelope<any>>
  const ok = async (openid: string, action: string, input: Record<string, unknown>) => {
    const answer = await suggest(openid, action, input)
    if (!answer.ok) throw new Error(`${action} failed: ${JSON.stringify(answer.error)}`)
    return answer.data
  }
  async function matterIn(status: SuggestionStatus, extra: Record<string, unknown> = {}) {
    const { id } = await ok(PEOPLE.reporter, 'submit', {
      communityId: COMMUNITY,
      buildingId: BUILDING,
      category: 'repair',
      title: '楼道灯不亮',
      description: '三楼到四楼的楼道灯坏了一个星期，晚上上下楼看不清。',
      requestId: newRequestId(),
      ...extra,
    })
    if (status === 'submitted') return id
    if (status === 'rejected') {
      await ok(PEOPLE.staff, 'reject', { id, reason: '不属于社区办理范围' })
      return id
    }
    if (status === 'merged') {
      const into = await matterIn('accepted')
      await ok(PEOPLE.staff, 'merge', { id, intoId: into })
      return id
    }
    await ok(PEOPLE.staff, 'accept', { id, reply: '已收到，马上安排' })
    if (status === 'accepted') return id
    await ok(PEOPLE.staff, 'assign', { id, handlerOpenid: PEOPLE.head, dueDate: dueIn(3) })
    if (status === 'assigned') return id
    await ok(PEOPLE.head, 'resolve', { id, reply: '已更换灯泡' })
    if (status === 'resolved') return id
    await ok(PEOPLE.reporter, 'confirm', { id, satisfaction: 5 })
    return id
  }
  return {
    ...c,
    suggest,
    matterIn,
    reporterPhoto: (name) => c.uploadPhoto(PEOPLE.reporter, `suggestions/${name}`),
  }
}

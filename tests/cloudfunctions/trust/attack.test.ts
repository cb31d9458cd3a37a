/**
 * The holes an outside attack found (issue "Trust"), one test each, numbered as reported. Each
 * failed before its fix. Concurrency ones (7, 8, 9, 14) live with their domain's tests.
 */
import type { Envelope } from '../../../typings'
import {
  ADMIN,
  CALLERS,
  THIS_BUILDING,
  newRequestId,
  startCommunityCloud,
  type CommunityCloud,
} from '../community/communityCloud'

let c: CommunityCloud
const GRID_HEFENG = 'test-grid-hefeng-attack'
beforeAll(async () => {
  c = await startCommunityCloud()
  await c.db.collection('users').add({
    data: {
      _id: GRID_HEFENG,
      openid: GRID_HEFENG,
      displayName: '网格员',
      roles: [{ role: 'gridWorker', communityId: 'c-hefeng' }],
      privacyAgreed: { version: '1', at: new Date() },
      createdAt: new Date(),
    },
  })
}, 60_000)
afterAll(() => c.cloud.close())

const call = <T = unknown>(fn: string, openid: string, data: Record<string, unknown>) =>
  c.cloud.callFunction(fn, data, openid) as Promise<Envelope<T>>

async function refusedUnchanged(
  answer: Promise<Envelope<unknown>>,
  code: string,
  before = c.digest(),
): Promise<void> {
  expect(await answer).toMatchObject({ ok: false, error: { code } })
  expect(c.digest()).toBe(before)
}

describe('permissions', () => {
  it('1. a grid worker cannot make himself staff nor remove staff; role management is staff only', async () => {
    const before = c.digest()
    await refusedUnchanged(
      c.call('demo-grid-wanda', 'grantStaff', {
        communityId: 'c-wanda',
        openid: 'demo-grid-wanda',
        kind: 'staff',
      }),
      'PERMISSION_DENIED',
      before,
    )
    await refusedUnchanged(
      c.call(GRID_HEFENG, 'revokeStaff', { communityId: 'c-hefeng', openid: 'demo-staff-hefeng' }),
      'PERMISSION_DENIED',
      before,
    )
  })

  it('1. a community always keeps one staff member, even when two remove each other at once', async () => {
    const other = 'test-staff-hefeng-2'
    await c.call(ADMIN, 'grantStaff', {
      communityId: 'c-hefeng',
      openid: 'demo-volunteer-zhou',
      kind: 'staff',
    })
    await c.db.collection('users').add({
      data: { _id: other, openid: other, displayName: '另一位', roles: [], createdAt: new Date() },
    })
    // Two staff members, each removing the other at the same moment.
    await c.call(ADMIN, 'revokeStaff', { communityId: 'c-hefeng', openid: 'demo-volunteer-zhou' })
    await c.call(ADMIN, 'grantStaff', { communityId: 'c-hefeng', openid: other, kind: 'staff' })
    const answers = await Promise.all([
      c.call(CALLERS.staffOfThisCommunity, 'revokeStaff', {
        communityId: 'c-hefeng',
        openid: other,
      }),
      c.call(other, 'revokeStaff', {
        communityId: 'c-hefeng',
        openid: CALLERS.staffOfThisCommunity,
      }),
    ])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    // The loser is refused either way: no longer staff when the router looked (the other went
    // first), or by the transaction that keeps one staff member (both looked at once).
    const loser = answers.find((a) => !a.ok)
    expect(['PERMISSION_DENIED', 'FAILED_PRECONDITION']).toContain(
      loser && !loser.ok ? loser.error.code : 'none',
    )
    const staff = c.cloud.store
      .find('users', { filter: {} })
      .filter((u) =>
        (u['roles'] as Array<{ role: string; communityId: string }>).some(
          (r) => r.role === 'staff' && r.communityId === 'c-hefeng',
        ),
      )
    expect(staff).toHaveLength(1)
    // Put back the demo's staff member for the tests below.
    const survivor = String(staff[0]!['_id'])
    if (survivor !== CALLERS.staffOfThisCommunity) {
      await c.call(ADMIN, 'grantStaff', {
        communityId: 'c-hefeng',
        openid: CALLERS.staffOfThisCommunity,
        kind: 'staff',
      })
      await c.call(ADMIN, 'revokeStaff', { communityId: 'c-hefeng', openid: survivor })
    }
  })

  it('2. no one approves their own binding, not even the head of the building', async () => {
    const request = await c.call<{ id: string }>(CALLERS.headOfThisBuilding, 'requestBinding', {
      buildingId: THIS_BUILDING,
      room: '502',
      requestId: newRequestId(),
    })
    if (!request.ok) throw new Error(request.error.message)
    await refusedUnchanged(
      c.call(CALLERS.headOfThisBuilding, 'reviewBinding', {
        bindingId: request.data.id,
        decision: 'approve',
      }),
      'PERMISSION_DENIED',
    )
    expect(
      await c.call(CALLERS.staffOfThisCommunity, 'reviewBinding', {
        bindingId: request.data.id,
        decision: 'reject',
        reason: '不是这户的住户',
      }),
    ).toMatchObject({ ok: true })
  })

  it('3. only the building’s managers learn which flats are empty; only its residents see 党员中心户', async () => {
    const list = (openid: string) =>
      c.call<{ items: Array<Record<string, unknown>> }>(openid, 'listHouseholds', {
        buildingId: THIS_BUILDING,
      })
    const outsider = await list(CALLERS.staffOfAnotherCommunity)
    const neighbour = await list(CALLERS.resident)
    const head = await list(CALLERS.headOfThisBuilding)
    if (!outsider.ok || !neighbour.ok || !head.ok) throw new Error('listHouseholds failed')
    for (const item of outsider.data.items) {
      expect(item).not.toHaveProperty('vacant')
      expect(item).not.toHaveProperty('partyMember')
    }
    for (const item of neighbour.data.items) {
      expect(item).not.toHaveProperty('vacant')
      expect(item).toHaveProperty('partyMember')
    }
    expect(head.data.items.some((item) => item['vacant'] === true)).toBe(true)
  })

  it('4. deleting my data never locks me out, and the last staff member cannot drop the role', async () => {
    await refusedUnchanged(
      c.call(CALLERS.staffOfAnotherCommunity, 'deleteMyData', { confirm: true }),
      'FAILED_PRECONDITION',
    )
    const someone = 'test-leaving-resident'
    await c.call(someone, 'agreePrivacy', { version: '1' })
    expect(await c.call(someone, 'deleteMyData', { confirm: true })).toMatchObject({ ok: true })
    expect(await c.call(someone, 'agreePrivacy', { version: '1' })).toMatchObject({ ok: true })
    expect(await c.call(someone, 'updateProfile', { displayName: '回来了' })).toMatchObject({
      ok: true,
      data: { displayName: '回来了' },
    })
    expect(await c.call(someone, 'me')).toMatchObject({
      ok: true,
      data: { privacyAgreed: true, roles: [] },
    })
  })

  it('5. strangers and other communities’ staff cannot file matters into a community', async () => {
    await c.call('test-stranger-5', 'agreePrivacy', { version: '1' })
    for (const stranger of ['test-stranger-5', CALLERS.staffOfAnotherCommunity]) {
      await refusedUnchanged(
        call('suggestions', stranger, {
          action: 'submit',
          communityId: 'c-hefeng',
          category: 'environment',
          title: '楼道灯坏了',
          description: '三楼楼道的灯坏了一周了',
          buildingId: THIS_BUILDING,
          requestId: newRequestId(),
        }),
        'PERMISSION_DENIED',
      )
    }
  })
})

describe('refusals change nothing', () => {
  it('6. updateProfile and requestBinding write nothing before consent', async () => {
    const before = c.digest()
    await refusedUnchanged(
      c.call('test-no-consent', 'updateProfile', { displayName: '某人' }),
      'FAILED_PRECONDITION',
      before,
    )
    await refusedUnchanged(
      c.call('test-no-consent', 'requestBinding', {
        buildingId: THIS_BUILDING,
        room: '301',
        requestId: newRequestId(),
      }),
      'FAILED_PRECONDITION',
      before,
    )
  })

  it('10. a cursor with an impossible date is refused as bad input, not INTERNAL', async () => {
    const cursor = '9999-99-99T99:99:99.999Z_abc'
    const answers = await Promise.all([
      c.call(ADMIN, 'listAudit', { communityId: 'c-hefeng', cursor }),
      call('suggestions', CALLERS.resident, { action: 'mine', cursor }),
      call('suggestions', CALLERS.resident, { action: 'queue', cursor }),
      call('suggestions', CALLERS.staffOfThisCommunity, {
        action: 'board',
        communityId: 'c-hefeng',
        cursor,
      }),
      call('suggestions', CALLERS.resident, { action: 'wall', communityId: 'c-hefeng', cursor }),
    ])
    for (const answer of answers) {
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: '翻页位置不正确' },
      })
    }
  })

  it('11. a top-level __proto__ key is refused, never read as a field', async () => {
    const event = JSON.parse('{"action":"listEstates","__proto__":{"communityId":"c-hefeng"}}')
    await refusedUnchanged(call('community', CALLERS.resident, event), 'INVALID_ARGUMENT')
  })

  it('11. a timer event sent by a user is not routed by its trigger name', async () => {
    for (const [fn, trigger] of [
      ['suggestions', 'mine'],
      ['suggestions', 'autoClose'],
      ['volunteers', 'remindUpcoming'],
    ] as const) {
      await refusedUnchanged(
        call(fn, CALLERS.resident, { Type: 'Timer', TriggerName: trigger }),
        'PERMISSION_DENIED',
      )
    }
  })

  it('12. text refuses NUL, bidi overrides, lone surrogates and text that shows nothing', async () => {
    for (const displayName of ['王\u0000五', '\u202Egnp.exe', 'a\uD800b', '\u200B\u200B\u3164']) {
      await refusedUnchanged(
        c.call(CALLERS.resident, 'updateProfile', { displayName }),
        'INVALID_ARGUMENT',
      )
    }
    expect(
      await c.call(CALLERS.resident, 'updateProfile', { displayName: '黄大伯👨‍👩‍👧' }),
    ).toMatchObject({ ok: true })
  })

  it('13. a photo must be a file this caller uploaded and recorded; paths are normalised', async () => {
    const mine = await c.uploadPhoto(CALLERS.resident, 'ratings/2026-12/corridor.jpg')
    const theirs = await c.uploadPhoto(CALLERS.headOfThisBuilding, 'ratings/2026-12/theirs.jpg')
    const bucket = mine.slice(0, mine.indexOf('/uploads/'))
    const rate = (photos: string[]) =>
      call('ratings', CALLERS.resident, {
        action: 'submitRating',
        buildingId: THIS_BUILDING,
        month: '2026-12',
        scores: { cleanliness: 5, safety: 5, facilities: 4, culture: 4, harmony: 5 },
        photos,
        requestId: newRequestId(),
      })
    for (const photos of [
      [`${bucket}/uploads/ratings/2026-12/never-uploaded.jpg`],
      [`${bucket}/uploads/../exports/ledger.xlsx`],
      [theirs],
    ]) {
      await refusedUnchanged(rate(photos), 'INVALID_ARGUMENT')
    }
    // Nobody can record another's upload, nor a file that is not there.
    await refusedUnchanged(
      c.call(CALLERS.resident, 'recordUploads', { fileIds: [theirs] }),
      'INVALID_ARGUMENT',
    )
    await refusedUnchanged(
      c.call(CALLERS.resident, 'recordUploads', {
        fileIds: [`${bucket}/uploads/ratings/2026-12/ghost.jpg`],
      }),
      'INVALID_ARGUMENT',
    )
    expect(await rate([mine])).toMatchObject({ ok: true })
  })
})

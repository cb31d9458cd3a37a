/** The binding lifecycle: request → pending → approved or rejected → left, with its refusals. */
import {
  ADMIN,
  CALLERS,
  THIS_BUILDING,
  newRequestId,
  startCommunityCloud,
  type CommunityCloud,
} from './communityCloud'

let c: CommunityCloud
beforeAll(async () => {
  c = await startCommunityCloud()
}, 30_000)
afterAll(() => c.cloud.close())

const NEWCOMER = 'test-newcomer'

async function agreeAndRequest(openid: string, room: string, requestId = newRequestId()) {
  await c.call(openid, 'agreePrivacy', { version: '2026-11' })
  return c.call<{ id: string; status: string; address: string }>(openid, 'requestBinding', {
    buildingId: THIS_BUILDING,
    room,
    requestId,
  })
}

describe('a first-time user', () => {
  it('gets an empty profile from me, never an error', async () => {
    const result = await c.call('test-first-timer', 'me')
    expect(result).toEqual({
      ok: true,
      data: {
        openid: 'test-first-timer',
        profile: null,
        privacyAgreed: false,
        roles: [],
        bindings: [],
        can: { staffOf: [], stationOf: [], headOf: [], isAdmin: false },
      },
    })
  })

  it('must agree to the privacy notice before sending personal data', async () => {
    const profile = await c.call('test-shy', 'updateProfile', { phone: '13900001111' })
    expect(profile).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '请先阅读并同意《隐私保护指引》' },
    })
    const binding = await c.call('test-shy', 'requestBinding', {
      buildingId: THIS_BUILDING,
      room: '301',
      requestId: newRequestId(),
    })
    expect(binding).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    // A refusal writes nothing: not even a bare user record before consent.
    expect(c.cloud.store.getById('users', 'test-shy')).toBeNull()
    expect(c.cloud.store.find('bindings', { filter: { openid: 'test-shy' } })).toEqual([])
  })
})

describe('binding lifecycle', () => {
  it('goes pending → approved by the head, and shows in me', async () => {
    const requested = await agreeAndRequest(NEWCOMER, '402')
    expect(requested).toMatchObject({
      ok: true,
      data: { status: 'pending', address: '鹤峰社区 继光花苑 3号楼 402' },
    })
    const id = (requested as { data: { id: string } }).data.id

    const pending = await c.call<Array<{ id: string; resident: { name: string } }>>(
      CALLERS.headOfThisBuilding,
      'listPendingBindings',
      { buildingId: THIS_BUILDING },
    )
    expect(pending.ok && pending.data.map((p) => p.id)).toContain(id)

    const approved = await c.call(CALLERS.headOfThisBuilding, 'reviewBinding', {
      bindingId: id,
      decision: 'approve',
    })
    expect(approved).toMatchObject({ ok: true, data: { status: 'approved' } })
    const me = await c.call<{ bindings: Array<{ id: string; status: string }> }>(NEWCOMER, 'me')
    expect(me.ok && me.data.bindings).toEqual([expect.objectContaining({ id, status: 'approved' })])

    const again = await c.call(CALLERS.staffOfThisCommunity, 'reviewBinding', {
      bindingId: id,
      decision: 'reject',
      reason: '晚了',
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
  })

  it('rejects only with a reason, which the resident sees', async () => {
    const requested = await agreeAndRequest('test-wrong-room', '601')
    const id = (requested as { data: { id: string } }).data.id
    const noReason = await c.call(CALLERS.headOfThisBuilding, 'reviewBinding', {
      bindingId: id,
      decision: 'reject',
    })
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '拒绝时请写明理由' },
    })
    await c.call(CALLERS.headOfThisBuilding, 'reviewBinding', {
      bindingId: id,
      decision: 'reject',
      reason: '601 住的是王家，请核对房号',
    })
    const me = await c.call<{ bindings: Array<{ status: string; reason?: string }> }>(
      'test-wrong-room',
      'me',
    )
    expect(me.ok && me.data.bindings[0]).toMatchObject({
      status: 'rejected',
      reason: '601 住的是王家，请核对房号',
    })
    // A rejected request does not block a new one.
    expect(await agreeAndRequest('test-wrong-room', '601')).toMatchObject({
      ok: true,
      data: { status: 'pending' },
    })
  })

  it('refuses a second open request for the same household, even when tapped at once', async () => {
    const user = 'test-double-tapper'
    await c.call(user, 'agreePrivacy', { version: '1' })
    const sameRequest = newRequestId()
    const taps = await Promise.all([
      ...Array.from({ length: 5 }, () =>
        c.call(user, 'requestBinding', {
          buildingId: THIS_BUILDING,
          room: '202',
          requestId: sameRequest,
        }),
      ),
      ...Array.from({ length: 5 }, () =>
        c.call(user, 'requestBinding', {
          buildingId: THIS_BUILDING,
          room: '202',
          requestId: newRequestId(),
        }),
      ),
    ])
    const created = new Set(
      taps.filter((t) => t.ok).map((t) => (t as { data: { id: string } }).data.id),
    )
    expect(created.size).toBe(1)
    for (const tap of taps.filter((t) => !t.ok))
      expect(tap).toMatchObject({ error: { code: 'ALREADY_EXISTS' } })
    expect(c.cloud.store.find('bindings', { filter: { openid: user } })).toHaveLength(1)
  })

  it('lets a resident leave, and only their own binding', async () => {
    const requested = await agreeAndRequest('test-mover', '102')
    const id = (requested as { data: { id: string } }).data.id
    await c.call(CALLERS.headOfThisBuilding, 'reviewBinding', {
      bindingId: id,
      decision: 'approve',
    })
    expect(await c.call(CALLERS.resident, 'leaveHousehold', { bindingId: id })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    expect(await c.call('test-mover', 'leaveHousehold', { bindingId: id })).toMatchObject({
      ok: true,
      data: { status: 'left' },
    })
    expect(await c.call('test-mover', 'leaveHousehold', { bindingId: id })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    })
  })
})

describe('bad input', () => {
  it.each([
    [
      'an unknown building',
      'requestBinding',
      { buildingId: 'b-nowhere', room: '101', requestId: 'req-00000009' },
      'NOT_FOUND',
    ],
    [
      'a room the building does not have',
      'requestBinding',
      { buildingId: THIS_BUILDING, room: '999', requestId: 'req-00000010' },
      'INVALID_ARGUMENT',
    ],
    [
      'an unknown binding',
      'reviewBinding',
      { bindingId: 'nope', decision: 'approve' },
      'NOT_FOUND',
    ],
    ['an unknown estate', 'listBuildings', { estateId: 'e-nowhere' }, 'NOT_FOUND'],
    ['a malformed phone', 'updateProfile', { phone: '12345' }, 'INVALID_ARGUMENT'],
    ['an unknown field', 'me', { openid: 'someone-else' }, 'INVALID_ARGUMENT'],
    [
      'an upside-down floor range',
      'importHouseholds',
      { buildingId: THIS_BUILDING, floors: { from: 6, to: 1 }, roomsPerFloor: { from: 1, to: 2 } },
      'INVALID_ARGUMENT',
    ],
  ])('answers %s with %s and changes nothing', async (_label, action, input, code) => {
    const before = c.digest()
    const result = await c.call(CALLERS.staffOfThisCommunity, action, input)
    expect(result).toMatchObject({
      ok: false,
      error: { code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
    })
    expect(c.digest()).toBe(before)
  })
})

describe('privacy', () => {
  it('shows residents to managers only, names masked for the head’s peers and phones for everyone but staff', async () => {
    const asStaff = await c.call<{
      items: Array<{ room: string; residents?: Array<{ name: string; phone: string | null }> }>
    }>(CALLERS.staffOfThisCommunity, 'listHouseholds', { buildingId: THIS_BUILDING })
    const asHead = await c.call<typeof asStaff extends { data: infer D } ? D : never>(
      CALLERS.headOfThisBuilding,
      'listHouseholds',
      { buildingId: THIS_BUILDING },
    )
    const asNeighbour = await c.call<{ items: Array<{ residents?: unknown }> }>(
      CALLERS.resident,
      'listHouseholds',
      { buildingId: THIS_BUILDING },
    )
    const room = (r: typeof asStaff) =>
      r.ok ? r.data.items.find((h) => h.room === '301')!.residents : undefined
    expect(room(asStaff)).toEqual([
      { openid: CALLERS.resident, name: '黄建华', phone: '13812341234' },
    ])
    expect(room(asHead as typeof asStaff)).toEqual([
      { openid: CALLERS.resident, name: '黄建华', phone: '138****1234' },
    ])
    expect(asNeighbour.ok && asNeighbour.data.items.every((h) => h.residents === undefined)).toBe(
      true,
    )
  })
})

describe('bootstrap', () => {
  it('makes the configured admin staff of every community, able to create a community and grant its first staff', async () => {
    await c.call(ADMIN, 'agreePrivacy', { version: '1' })
    const created = await c.call<{ id: string }>(ADMIN, 'createCommunity', {
      name: '蕉南社区',
      street: '蕉南街道',
      requestId: newRequestId(),
    })
    expect(created).toMatchObject({ ok: true, data: { name: '蕉南社区' } })
    const id = (created as { data: { id: string } }).data.id
    await c.call('test-first-staff', 'agreePrivacy', { version: '1' })
    const granted = await c.call(ADMIN, 'grantStaff', {
      communityId: id,
      openid: 'test-first-staff',
      kind: 'staff',
    })
    expect(granted).toMatchObject({
      ok: true,
      data: { roles: [{ role: 'staff', communityId: id, communityName: '蕉南社区' }] },
    })
    const estate = await c.call('test-first-staff', 'createEstate', {
      communityId: id,
      name: '蕉南花园',
      requestId: newRequestId(),
    })
    expect(estate).toMatchObject({ ok: true })
    const me = await c.call<{ can: { isAdmin: boolean } }>(ADMIN, 'me')
    expect(me.ok && me.data.can.isAdmin).toBe(true)
  })
})

describe('audit', () => {
  it('pages through entries written in the same millisecond without skipping any', async () => {
    const at = new Date('2026-11-20T08:00:00.000Z')
    await c.db.collection('audit').add({
      data: Array.from({ length: 5 }, (_u, i) => ({
        _id: `same-ms-${i}`,
        actor: 'x',
        action: 'test.sameMillisecond',
        target: { collection: 'c', id: String(i) },
        communityId: 'c-wanda',
        createdAt: at,
      })),
    })
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await c.call<{ items: Array<{ id: string }>; nextCursor: string | null }>(
        ADMIN,
        'listAudit',
        {
          communityId: 'c-wanda',
          pageSize: 2,
          ...(cursor ? { cursor } : {}),
        },
      )
      if (!page.ok) throw new Error(page.error.message)
      seen.push(...page.data.items.map((item) => item.id))
      cursor = page.data.nextCursor ?? undefined
    } while (cursor)
    expect(seen.filter((id) => id.startsWith('same-ms-')).sort()).toEqual([
      'same-ms-0',
      'same-ms-1',
      'same-ms-2',
      'same-ms-3',
      'same-ms-4',
    ])
    expect(new Set(seen).size).toBe(seen.length)
  })
})

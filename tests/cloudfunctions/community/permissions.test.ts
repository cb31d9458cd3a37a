/**
 * The permission matrix: every action × every kind of caller → allowed or PERMISSION_DENIED,
 * and a refusal changes nothing.
 */
import {
  ADMIN,
  CALLERS,
  THIS_BUILDING,
  newRequestId,
  startCommunityCloud,
  type CallerKind,
  type CommunityCloud,
} from './communityCloud'

let c: CommunityCloud
beforeAll(async () => {
  c = await startCommunityCloud()
}, 30_000)
afterAll(() => c.cloud.close())

const ALL: CallerKind[] = Object.keys(CALLERS) as CallerKind[]
const MANAGERS: CallerKind[] = ['headOfThisBuilding', 'staffOfThisCommunity']
const STAFF: CallerKind[] = ['staffOfThisCommunity']

/** A fresh pending request of 李阿姨 for a room of this building, to review. */
async function pendingBinding(): Promise<string> {
  const room = `${Math.floor(Math.random() * 6) + 1}0${Math.floor(Math.random() * 2) + 1}`
  const { _id } = await c.db.collection('bindings').add({
    data: {
      openid: `someone-${newRequestId()}`,
      householdId: `h-jiguang-3-${room}`,
      buildingId: THIS_BUILDING,
      communityId: 'c-hefeng',
      status: 'pending',
      activeSlot: 'active',
      requestedAt: new Date(),
    },
  })
  return _id
}

interface Row {
  action: string
  allowed: CallerKind[]
  input: () => Promise<Record<string, unknown>> | Record<string, unknown>
}

const rows: Row[] = [
  { action: 'me', allowed: ALL, input: () => ({}) },
  { action: 'agreePrivacy', allowed: ALL, input: () => ({ version: '1' }) },
  { action: 'updateProfile', allowed: ALL, input: () => ({ displayName: '邻居' }) },
  { action: 'listCommunities', allowed: ALL, input: () => ({}) },
  { action: 'listEstates', allowed: ALL, input: () => ({ communityId: 'c-hefeng' }) },
  { action: 'listBuildings', allowed: ALL, input: () => ({ estateId: 'e-jiguang' }) },
  { action: 'listHouseholds', allowed: ALL, input: () => ({ buildingId: THIS_BUILDING }) },
  {
    action: 'requestBinding',
    allowed: ALL,
    input: () => ({ buildingId: 'b-jiguang-5', room: '201', requestId: newRequestId() }),
  },
  {
    action: 'reviewBinding',
    allowed: MANAGERS,
    input: async () => ({ bindingId: await pendingBinding(), decision: 'approve' }),
  },
  {
    action: 'listPendingBindings',
    allowed: MANAGERS,
    input: () => ({ buildingId: THIS_BUILDING }),
  },
  {
    action: 'createEstate',
    allowed: STAFF,
    input: () => ({
      communityId: 'c-hefeng',
      name: `新小区${newRequestId()}`,
      requestId: newRequestId(),
    }),
  },
  {
    action: 'createBuilding',
    allowed: STAFF,
    input: () => ({
      estateId: 'e-jiguang',
      number: `${newRequestId()}号楼`.slice(-18),
      requestId: newRequestId(),
    }),
  },
  {
    action: 'importHouseholds',
    allowed: STAFF,
    input: () => ({
      buildingId: THIS_BUILDING,
      floors: { from: 1, to: 2 },
      roomsPerFloor: { from: 1, to: 2 },
    }),
  },
  {
    action: 'appointBuildingHead',
    allowed: STAFF,
    input: () => ({ buildingId: THIS_BUILDING, openid: CALLERS.resident }),
  },
  {
    action: 'removeBuildingHead',
    allowed: STAFF,
    input: () => ({ buildingId: THIS_BUILDING, openid: CALLERS.resident }),
  },
  {
    action: 'grantStaff',
    allowed: STAFF,
    input: () => ({ communityId: 'c-hefeng', openid: 'demo-volunteer-zhou', kind: 'gridWorker' }),
  },
  {
    action: 'revokeStaff',
    allowed: STAFF,
    input: () => ({ communityId: 'c-hefeng', openid: 'demo-volunteer-zhou' }),
  },
  {
    action: 'markPartyMemberHousehold',
    allowed: STAFF,
    input: () => ({ householdId: 'h-jiguang-3-301', partyMember: true }),
  },
  { action: 'listAudit', allowed: STAFF, input: () => ({ communityId: 'c-hefeng' }) },
  {
    action: 'createCommunity',
    allowed: [],
    input: () => ({ name: '新社区', requestId: newRequestId() }),
  },
  {
    action: 'leaveHousehold',
    allowed: ['resident'],
    input: async () => ({ bindingId: await residentBinding() }),
  },
]

/** 黄大伯's approved binding (re-created if a previous cell left it). */
async function residentBinding(): Promise<string> {
  const { data } = await c.db
    .collection('bindings')
    .where({ openid: CALLERS.resident, activeSlot: 'active' })
    .get()
  if (data[0]) return data[0]._id
  const { _id } = await c.db.collection('bindings').add({
    data: {
      openid: CALLERS.resident,
      householdId: 'h-jiguang-3-301',
      buildingId: THIS_BUILDING,
      communityId: 'c-hefeng',
      status: 'approved',
      activeSlot: 'active',
      requestedAt: new Date(),
    },
  })
  return _id
}

describe.each(rows)('$action', ({ action, allowed, input }) => {
  it.each(ALL)('%s', async (kind) => {
    const args = await input()
    const before = c.digest()
    const result = await c.call(CALLERS[kind], action, args)
    if (allowed.includes(kind)) {
      expect(result).toMatchObject({ ok: true })
    } else {
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
      })
      expect(c.digest()).toBe(before)
    }
  })
})

it('lets everyone delete their own data, and only their own', async () => {
  // The last staff member of a community must appoint a successor first (tested apart).
  for (const communityId of ['c-hefeng', 'c-jinxi']) {
    const successor = await c.call(ADMIN, 'grantStaff', {
      communityId,
      openid: 'demo-volunteer-zhou',
      kind: 'staff',
    })
    expect(successor).toMatchObject({ ok: true })
  }
  for (const kind of ALL) {
    const result = await c.call(CALLERS[kind], 'deleteMyData', { confirm: true })
    expect(result).toEqual({ ok: true, data: { deleted: true } })
  }
  const staff = await c.call(CALLERS.staffOfThisCommunity, 'listAudit', { communityId: 'c-hefeng' })
  // The staff member deleted their own data too: their role went with it.
  expect(staff).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
})

/**
 * Every signup call answers its place, or an error and leaves no signup behind; the same request
 * again answers the first result; places and the waitlist follow the arrival log exactly. Calls
 * that must give up waiting run in this process (`callAt`), where the waiting time is set short
 * (`timing.settleMs`); the others run in the built function, which waits as in production.
 */
import { timing } from '../../../cloudfunctions/volunteers/lib/allocate'
import { expectArrivalOrder } from './arrivalOrder'
import {
  LEADER,
  MEMBER,
  RESIDENT,
  STAFF,
  newRequestId,
  projectInput,
  startVolunteersCloud,
  type VolunteersCloud,
} from './volunteersCloud'

let c: VolunteersCloud
beforeAll(async () => {
  c = await startVolunteersCloud()
}, 30_000)
afterAll(() => c.cloud.close())
const settleMs = timing.settleMs
afterEach(() => {
  timing.settleMs = settleMs
})

async function launch(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await c.call(STAFF, 'createProject', projectInput(overrides))
  if (!created.ok) throw new Error(JSON.stringify(created))
  return created.data.id
}

const signupDoc = (projectId: string, openid: string) =>
  c.cloud.store.getById('volunteerSignups', `${projectId}_${openid}`)
const projectDoc = (projectId: string) => c.cloud.store.getById('volunteerProjects', projectId)!
const signupsDigest = () =>
  JSON.stringify(c.cloud.store.find('volunteerSignups', { filter: {}, sort: [['_id', 1]] }))

/** An allocator that took the project's lease and stalled: nobody else allocates meanwhile. */
function stallLease(projectId: string, until: number): void {
  c.cloud.store.write('volunteerArrivals', projectId, {
    ...c.cloud.store.getById('volunteerArrivals', projectId)!,
    allocatingUntil: until,
  })
}

const GAVE_UP = {
  ok: false,
  error: { code: 'CONFLICT', message: '报名的人太多了，请稍后再试' },
}

describe('240 at once for 50 places, a third of them giving up at once', () => {
  const crowd = Array.from({ length: 240 }, (_v, i) => `test-quitter-${String(i).padStart(3, '0')}`)
  // Every third gives up as soon as its signup is in the log (in this process); the others wait.
  const givesUp = (i: number) => i % 3 === 0
  const requests = new Map(crowd.map((openid) => [openid, newRequestId()]))
  let projectId: string
  let results: Array<{ openid: string; result: any }>

  beforeAll(async () => {
    c.addUsers(crowd)
    projectId = await launch({ capacity: 50, title: '有人放弃等待' })
    timing.settleMs = 0
    const now = new Date()
    results = await Promise.all(
      crowd.map(async (openid, i) => {
        const input = { projectId, requestId: requests.get(openid) }
        const result = givesUp(i)
          ? await c.callAt(now, openid, 'signup', input)
          : await c.call(openid, 'signup', input)
        return { openid, result }
      }),
    )
  }, 120_000)

  it('answers each call its place, or an error with no signup left behind', () => {
    const refused = results.filter((r) => !r.result.ok)
    // Those that gave up say so. (On a machine this busy a call may also fail on its way to the
    // database, ECONNRESET answered as INTERNAL: that error too must leave nothing behind.)
    expect(refused.map((r) => r.result)).toContainEqual(GAVE_UP)
    for (const { openid } of refused) expect(signupDoc(projectId, openid)).toBeNull()
    // Those that waited were never told to try again.
    expect(results.filter((r, i) => !givesUp(i) && r.result.error?.code === 'CONFLICT')).toEqual([])
    const placed = results.filter((r) => r.result.ok)
    for (const { openid, result } of placed) {
      const doc = signupDoc(projectId, openid)!
      expect(doc['status']).toBe(result.data.status)
      expect(doc['rankAtSignup'] ?? null).toBe(result.data.waitlistRank)
    }
    const docs = c.cloud.store.find('volunteerSignups', { filter: { projectId } })
    expect(docs).toHaveLength(placed.length)
  })

  it('gives 50 places and a gapless waitlist, exactly in order of arrival', () => {
    const placed = results.filter((r) => r.result.ok)
    const arrived = expectArrivalOrder(c, projectId)
    expect(arrived.map((d) => d['order'])).toEqual(
      Array.from({ length: placed.length }, (_v, i) => i),
    )
    expect(arrived.slice(0, 50).every((d) => d['status'] === 'confirmed')).toBe(true)
    expect(arrived.slice(50).every((d) => d['status'] === 'waitlisted')).toBe(true)
    expect(arrived.slice(50).map((d) => d['rankAtSignup'])).toEqual(
      Array.from({ length: placed.length - 50 }, (_v, i) => i + 1),
    )
    expect(projectDoc(projectId)).toMatchObject({
      confirmedCount: 50,
      waitlistCount: placed.length - 50,
      nextOrder: placed.length,
    })
  })

  it('places each one refused when they try again with the same request, at the end of the line', async () => {
    const refused = results.filter((r) => !r.result.ok).map((r) => r.openid)
    const before = projectDoc(projectId)['waitlistCount'] as number
    const again = await Promise.all(
      refused.map((openid) =>
        c.call(openid, 'signup', { projectId, requestId: requests.get(openid) }),
      ),
    )
    expect(again.filter((r) => !r.ok)).toEqual([])
    expect(again.map((r) => (r.ok ? r.data.waitlistRank : null)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: refused.length }, (_v, i) => before + i + 1),
    )
    expect(expectArrivalOrder(c, projectId).map((d) => d['order'])).toEqual(
      Array.from({ length: crowd.length }, (_v, i) => i),
    )
    expect(projectDoc(projectId)).toMatchObject({ confirmedCount: 50, waitlistCount: 190 })
  }, 60_000)
})

describe('a signup that cannot be decided in time', () => {
  it('is taken back: the call is refused, nothing is left, and the same request later gets a place', async () => {
    const projectId = await launch({ capacity: 2 })
    expect(await c.call(LEADER, 'signup', { projectId, requestId: newRequestId() })).toMatchObject({
      ok: true,
      data: { status: 'confirmed' },
    })
    const project = projectDoc(projectId)
    const signups = signupsDigest()
    stallLease(projectId, Date.now() + 600_000)
    timing.settleMs = 300
    const requestId = newRequestId()
    expect(await c.callAt(new Date(), MEMBER, 'signup', { projectId, requestId })).toEqual(GAVE_UP)
    expect(signupDoc(projectId, MEMBER)).toBeNull()
    expect(signupsDigest()).toBe(signups)
    expect(projectDoc(projectId)).toMatchObject({
      confirmedCount: project['confirmedCount'],
      waitlistCount: project['waitlistCount'],
      nextOrder: project['nextOrder'],
    })
    const detail = await c.call(MEMBER, 'projectDetail', { projectId })
    expect(detail.ok && detail.data.mine).toBeNull()

    // The stalled allocator's lease runs out; trying again with the same request gets the place.
    stallLease(projectId, 0)
    const again = await c.call(MEMBER, 'signup', { projectId, requestId })
    expect(again).toMatchObject({ ok: true, data: { status: 'confirmed', waitlistRank: null } })
    expect(signupDoc(projectId, MEMBER)).toMatchObject({ status: 'confirmed', order: 1 })
    expectArrivalOrder(c, projectId)
    // …and that request sent once more answers the same.
    expect(await c.call(MEMBER, 'signup', { projectId, requestId })).toEqual(again)
  })

  it('a signup again after cancelling goes back to cancelled, holding nothing', async () => {
    const projectId = await launch({ capacity: 1 })
    await c.call(LEADER, 'signup', { projectId, requestId: newRequestId() })
    await c.call(RESIDENT, 'signup', { projectId, requestId: newRequestId() })
    await c.call(RESIDENT, 'cancelSignup', { projectId })
    const project = projectDoc(projectId)
    stallLease(projectId, Date.now() + 600_000)
    timing.settleMs = 300
    const requestId = newRequestId()
    expect(await c.callAt(new Date(), RESIDENT, 'signup', { projectId, requestId })).toEqual(
      GAVE_UP,
    )
    expect(signupDoc(projectId, RESIDENT)).toMatchObject({ status: 'cancelled', order: -1 })
    expect(projectDoc(projectId)).toMatchObject({
      waitlistCount: project['waitlistCount'],
      nextOrder: project['nextOrder'],
    })
    const detail = await c.call(RESIDENT, 'projectDetail', { projectId })
    expect(detail.ok && detail.data.mine).toMatchObject({ status: 'cancelled' })

    stallLease(projectId, 0)
    expect(await c.call(RESIDENT, 'signup', { projectId, requestId })).toMatchObject({
      ok: true,
      data: { status: 'waitlisted', waitlistRank: 1 },
    })
    expectArrivalOrder(c, projectId)
  })
})

describe('a signup its call left queued', () => {
  /** MEMBER's signup as a call that stopped right after writing it would leave it. */
  async function leftQueued(fields: Record<string, unknown>): Promise<string> {
    const projectId = await launch({ capacity: 3 })
    await c.call(LEADER, 'signup', { projectId, requestId: newRequestId() })
    const { _id, arrival, ticket, ...leader } = signupDoc(projectId, LEADER)!
    void [_id, arrival, ticket]
    c.cloud.store.write('volunteerSignups', `${projectId}_${MEMBER}`, {
      ...leader,
      openid: MEMBER,
      status: 'queued',
      order: -1,
      ...fields,
    })
    return projectId
  }

  it('is carried on by the same request sent again', async () => {
    const requestId = newRequestId()
    // Written, but the call stopped before joining the arrival log.
    const projectId = await leftQueued({ requestId, ticket: 'orphan000000' })
    expect(await c.call(MEMBER, 'signup', { projectId, requestId })).toMatchObject({
      ok: true,
      data: { status: 'confirmed', waitlistRank: null },
    })
    expect(signupDoc(projectId, MEMBER)).toMatchObject({ status: 'confirmed', order: 1 })
    expectArrivalOrder(c, projectId)
  })

  it('is decided when its volunteer looks, even one queued before the arrival log', async () => {
    const projectId = await leftQueued({ requestId: 'before-the-log' })
    const detail = await c.call(MEMBER, 'projectDetail', { projectId })
    expect(detail.ok && detail.data.mine).toMatchObject({ status: 'confirmed' })
    expect(signupDoc(projectId, MEMBER)).toMatchObject({ status: 'confirmed', order: 1 })
    expectArrivalOrder(c, projectId)
  })
})

describe('the same request again', () => {
  it('sent 10 times at once: one place, and every call answers it', async () => {
    const projectId = await launch({ capacity: 5 })
    const requestId = newRequestId()
    const results = await Promise.all(
      Array.from({ length: 10 }, () => c.call(MEMBER, 'signup', { projectId, requestId })),
    )
    expect(results[0]).toMatchObject({ ok: true, data: { status: 'confirmed' } })
    for (const result of results) expect(result).toEqual(results[0])
    expect(c.cloud.store.find('volunteerSignups', { filter: { projectId } })).toHaveLength(1)
    expect(projectDoc(projectId)).toMatchObject({ confirmedCount: 1, nextOrder: 1 })
  })

  it('after giving the place up answers the first result, and signs up nobody again', async () => {
    const projectId = await launch({ capacity: 1 })
    await c.call(LEADER, 'signup', { projectId, requestId: newRequestId() })
    const requestId = newRequestId()
    const first = await c.call(RESIDENT, 'signup', { projectId, requestId })
    expect(first).toMatchObject({ ok: true, data: { status: 'waitlisted', waitlistRank: 1 } })
    await c.call(RESIDENT, 'cancelSignup', { projectId })
    const project = projectDoc(projectId)
    expect(await c.call(RESIDENT, 'signup', { projectId, requestId })).toEqual(first)
    expect(signupDoc(projectId, RESIDENT)).toMatchObject({ status: 'cancelled' })
    expect(projectDoc(projectId)).toEqual(project)
    // A new request is a new signup, at the end of the line.
    expect(
      await c.call(RESIDENT, 'signup', { projectId, requestId: newRequestId() }),
    ).toMatchObject({ ok: true, data: { status: 'waitlisted', waitlistRank: 1 } })
  })
})

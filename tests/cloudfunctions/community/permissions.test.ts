/**
 * What the permission matrix generated from the policies (tests/cloudfunctions/policy) does not
 * check: that deleting one's data deletes only one's own, and takes one's roles with it.
 */
import {
  ADMIN,
  CALLERS,
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

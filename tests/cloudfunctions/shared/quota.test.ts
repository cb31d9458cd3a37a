/**
 * Daily quotas against flooding: a person's and a community's, configured per kind; a refusal
 * writes nothing and a retry of a request already served still answers.
 */
import * as path from 'node:path'
import type { Envelope } from '../../../typings'
import { seedDemoIfEmpty } from '../../../scripts/localCloud/seedDemo'
import { startTestCloud, type TestCloud } from '../../local-cloud/support/testCloud'
import { newRequestId } from '../community/communityCloud'

const RESIDENT = 'demo-resident-huang'
const HEAD = 'demo-head-jiguang-3'
let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud({
    schemaDir: path.resolve(__dirname, '../../../database'),
    functionEnv: {
      suggestions: {
        JINLIN_QUOTAS: JSON.stringify({ suggestions: { perUserPerDay: 2, perCommunityPerDay: 3 } }),
      },
    },
  })
  await seedDemoIfEmpty(t.cloud)
  await t.db
    .collection('users')
    .where({})
    .update({ data: { privacyAgreed: { version: '1', at: new Date() } } })
  // Only this test's matters count today.
  await t.db.collection('suggestions').where({ communityId: 'c-hefeng' }).remove()
}, 60_000)
afterAll(() => t.cloud.close())

const digest = () =>
  JSON.stringify(
    t.cloud.store.listCollections().map((name) => t.cloud.store.find(name, { filter: {} })),
  )

const submit = (openid: string, requestId = newRequestId()) =>
  t.cloud.callFunction(
    'suggestions',
    {
      action: 'submit',
      communityId: 'c-hefeng',
      category: 'environment',
      title: '楼道灯坏了',
      description: '三楼楼道的灯坏了一周了',
      requestId,
    },
    openid,
  ) as Promise<Envelope<{ id: string }>>

it('refuses a person past their daily quota, kindly and without writing, but answers a retry', async () => {
  const first = newRequestId()
  expect(await submit(RESIDENT, first)).toMatchObject({ ok: true })
  expect(await submit(RESIDENT)).toMatchObject({ ok: true })
  const before = digest()
  expect(await submit(RESIDENT)).toEqual({
    ok: false,
    error: {
      code: 'RESOURCE_EXHAUSTED',
      message: '您今天已经提交了 2 条建议，请明天再来；有急事请直接联系社区',
    },
  })
  expect(digest()).toBe(before)
  expect(await submit(RESIDENT, first)).toMatchObject({ ok: true })
})

it('refuses anyone once the community’s daily quota is used up', async () => {
  expect(await submit(HEAD)).toMatchObject({ ok: true })
  expect(await submit(HEAD)).toMatchObject({
    ok: false,
    error: { code: 'RESOURCE_EXHAUSTED', message: expect.stringContaining('本社区今天收到的建议') },
  })
})

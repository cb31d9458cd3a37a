/**
 * Resolved matters nobody confirmed close by themselves after 7 days: the timer run in process
 * with an injected clock.
 */
import { actions } from '../../../cloudfunctions/suggestions'
import { suggestionsPolicy } from '../../../cloudfunctions/suggestions/policy'
import { createRouter } from '../../../cloudfunctions/shared/router'
import { inProcessCloud, type Controls } from '../support/inProcess'
import { COMMUNITY, PEOPLE, startSuggestionsCloud, type SuggestionsCloud } from './suggestionsCloud'

let c: SuggestionsCloud
const controls: Controls = { caller: null, now: new Date() }
let main: ReturnType<typeof createRouter>
const DAY = 86_400_000
const tick = () =>
  main({ Type: 'Timer', TriggerName: 'autoClose', Time: controls.now.toISOString() })

beforeAll(async () => {
  c = await startSuggestionsCloud()
  // Only this test's matters: the demo's own (one resolved hours ago) are set aside.
  await c.db.collection('suggestions').where({ communityId: COMMUNITY }).remove()
  main = createRouter('suggestions', actions, suggestionsPolicy, {
    cloud: () => inProcessCloud(c.sdk, controls),
    now: () => controls.now,
  })
}, 60_000)
afterAll(() => c.cloud.close())

const stored = async (id: string) => (await c.db.collection('suggestions').doc(id).get()).data

it('closes a matter 7 days after it was resolved, not a minute earlier, and leaves the rest alone', async () => {
  const waiting = await c.matterIn('resolved')
  const confirmed = await c.matterIn('closed')
  const handling = await c.matterIn('assigned')
  const resolvedAt = new Date((await stored(waiting)).resolvedAt).getTime()

  controls.now = new Date(resolvedAt + 7 * DAY - 60_000)
  expect(await tick()).toEqual({ ok: true, data: { closed: 0 } })
  expect((await stored(waiting)).status).toBe('resolved')

  controls.now = new Date(resolvedAt + 7 * DAY + 60_000)
  expect(await tick()).toEqual({ ok: true, data: { closed: 1 } })
  const closed = await stored(waiting)
  expect(closed).toMatchObject({ status: 'closed', satisfaction: null })
  expect(closed.timeline.at(-1)).toMatchObject({ actor: 'system', kind: 'autoClosed' })
  expect((await stored(confirmed)).satisfaction).toBe(5)
  expect((await stored(handling)).status).toBe('assigned')

  // The reporter sees who closed it.
  const detail = (await c.suggest(PEOPLE.reporter, 'detail', { id: waiting })) as any
  expect(detail.data.timeline.at(-1)).toMatchObject({
    actor: '系统',
    text: '办结后 7 天未确认，自动完结',
  })
  // Running again finds nothing more to do.
  expect(await tick()).toEqual({ ok: true, data: { closed: 0 } })
})

it('works through more than one page of waiting matters', async () => {
  const template = await stored(await c.matterIn('resolved'))
  const resolvedAt = new Date(template.resolvedAt).getTime()
  const copies = Array.from({ length: 249 }, (_, i) => ({ ...template, _id: `sg-copy-${i}` }))
  await c.db.collection('suggestions').add({ data: copies })
  controls.now = new Date(resolvedAt + 8 * DAY)
  expect(await tick()).toEqual({ ok: true, data: { closed: 250 } })
  expect(c.cloud.store.count('suggestions', { status: 'resolved' })).toBe(0)
})

it('runs only from its timer, never for a user', async () => {
  controls.caller = PEOPLE.staff
  expect(await main({ action: 'autoClose' })).toMatchObject({
    ok: false,
    error: { code: 'PERMISSION_DENIED' },
  })
  controls.caller = null
  expect(await c.suggest(PEOPLE.staff, 'autoClose', {})).toMatchObject({
    ok: false,
    error: { code: 'PERMISSION_DENIED' },
  })
})

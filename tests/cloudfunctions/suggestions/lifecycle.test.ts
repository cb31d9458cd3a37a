/**
 * The lifecycle of a matter against the built function: the whole journey, every allowed and every
 * refused step, who may take each step, and the messages people get.
 */
import { STATUSES } from '../../../cloudfunctions/suggestions/lib/categories'
import { TRANSITIONS, type Move } from '../../../cloudfunctions/suggestions/lib/lifecycle'
import type { SuggestionStatus } from '../../../typings'
import {
  BUILDING,
  COMMUNITY,
  PEOPLE,
  dueIn,
  startSuggestionsCloud,
  type SuggestionsCloud,
} from './suggestionsCloud'
import { CALLERS, newRequestId } from '../community/communityCloud'

let c: SuggestionsCloud
beforeAll(async () => {
  c = await startSuggestionsCloud()
}, 60_000)
afterAll(() => c.cloud.close())
beforeEach(() => c.cloud.openApi.clearOutbox())

type UserMove = Exclude<Move, 'autoClose'>

/** Whose step each move is, and a valid input for it. */
const STEP: Record<
  UserMove,
  { by: string; input: (id: string) => Promise<Record<string, unknown>> }
> = {
  accept: { by: PEOPLE.staff, input: async () => ({ reply: '收到' }) },
  assign: {
    by: PEOPLE.staff,
    input: async () => ({ handlerOpenid: PEOPLE.head, dueDate: dueIn(2) }),
  },
  resolve: { by: PEOPLE.head, input: async () => ({ reply: '修好了' }) },
  confirm: { by: PEOPLE.reporter, input: async () => ({ satisfaction: 4 }) },
  reopen: { by: PEOPLE.reporter, input: async () => ({ reason: '灯还是不亮' }) },
  reject: { by: PEOPLE.staff, input: async () => ({ reason: '重复提交' }) },
  merge: { by: PEOPLE.staff, input: async () => ({ intoId: await c.matterIn('accepted') }) },
}
const MOVES = Object.keys(STEP) as UserMove[]

describe('the journey of a matter', () => {
  it('goes from submission to the reporter confirming, with a timeline and a message at each step', async () => {
    const photo = await c.reporterPhoto('lamp.jpg')
    const submitted = await c.suggest(PEOPLE.reporter, 'submit', {
      communityId: COMMUNITY,
      buildingId: BUILDING,
      place: '三楼楼道',
      category: 'repair',
      title: '楼道灯不亮',
      description: '三楼到四楼的楼道灯坏了一个星期。',
      photos: [photo],
      requestId: newRequestId(),
    })
    expect(submitted).toEqual({ ok: true, data: { id: expect.any(String), status: 'submitted' } })
    const id = submitted.ok ? submitted.data.id : ''

    const accepted = await c.suggest(PEOPLE.staff, 'accept', { id, reply: '已收到，今天安排人看' })
    expect(accepted).toMatchObject({
      ok: true,
      data: { status: 'accepted', can: ['assign', 'reject', 'merge'] },
    })
    expect(c.cloud.openApi.outbox()).toEqual([
      expect.objectContaining({
        touser: PEOPLE.reporter,
        templateId: 'local-suggestionProgress',
        page: `subpackages/suggestions/detail/index?id=${id}`,
        data: expect.objectContaining({
          thing1: { value: '楼道灯不亮' },
          phrase2: { value: '已受理' },
        }),
      }),
    ])

    const candidates = await c.suggest(PEOPLE.staff, 'handlers', { id })
    expect(candidates.ok && candidates.data.map((h: any) => [h.openid, h.role])).toEqual([
      [PEOPLE.head, 'buildingHead'],
      [PEOPLE.grid, 'gridWorker'],
      [PEOPLE.staff, 'staff'],
    ])
    const assigned = await c.suggest(PEOPLE.staff, 'assign', {
      id,
      handlerOpenid: PEOPLE.head,
      dueDate: dueIn(3),
    })
    expect(assigned).toMatchObject({
      ok: true,
      data: { status: 'assigned', handler: { name: '陈建国', role: 'buildingHead' } },
    })
    expect(c.cloud.openApi.outbox()[1]).toMatchObject({
      touser: PEOPLE.head,
      templateId: 'local-suggestionAssigned',
      data: { thing1: { value: '楼道灯不亮' }, thing2: { value: '继光花苑 3号楼 · 三楼楼道' } },
    })
    const queue = await c.suggest(PEOPLE.head, 'queue')
    expect(queue.ok && queue.data.items.map((i: any) => i.id)).toContain(id)

    expect(
      await c.suggest(PEOPLE.head, 'resolve', { id, reply: '已更换灯泡并检查线路' }),
    ).toMatchObject({
      ok: true,
      data: { status: 'resolved' },
    })
    expect(c.cloud.openApi.outbox()[2]).toMatchObject({
      touser: PEOPLE.reporter,
      templateId: 'local-suggestionResolved',
      data: { thing2: { value: '已更换灯泡并检查线路' } },
    })

    // Not solved: back to the same handler, counted.
    const reopened = await c.suggest(PEOPLE.reporter, 'reopen', { id, reason: '四楼的灯还是不亮' })
    expect(reopened).toMatchObject({
      ok: true,
      data: { status: 'assigned', reopenCount: 1, handler: { name: '陈建国' } },
    })
    expect(c.cloud.openApi.outbox()[3]).toMatchObject({
      touser: PEOPLE.head,
      templateId: 'local-suggestionAssigned',
    })
    await c.suggest(PEOPLE.head, 'resolve', { id, reply: '四楼的灯也换了' })
    const closed = await c.suggest(PEOPLE.reporter, 'confirm', {
      id,
      satisfaction: 5,
      comment: '谢谢楼长',
    })
    expect(closed).toMatchObject({ ok: true, data: { status: 'closed', satisfaction: 5, can: [] } })

    const detail = await c.suggest(PEOPLE.reporter, 'detail', { id })
    expect(detail.ok && detail.data.timeline.map((e: any) => [e.actor, e.kind])).toEqual([
      ['提出人', 'submitted'],
      ['社区', 'accepted'],
      ['社区', 'assigned'],
      ['办理人', 'resolved'],
      ['提出人', 'reopened'],
      ['办理人', 'resolved'],
      ['提出人', 'confirmed'],
    ])
    expect(detail.ok && detail.data.photos).toEqual([photo])
    // Staff's and the handler's steps are in the community's audit; the reporter's own are not.
    const audited = c.cloud.store
      .find('audit', { filter: { 'target.id': id } })
      .map((entry) => (entry as { action: string }).action)
    expect(audited).toEqual([
      'suggestions.accept',
      'suggestions.assign',
      'suggestions.resolve',
      'suggestions.resolve',
    ])
    // The reporter never sees anyone's openid.
    expect(JSON.stringify(detail)).not.toMatch(/demo-|test-/)
  })
})

describe('every step from every status', () => {
  it.each(STATUSES.flatMap((status) => MOVES.map((move) => [status, move] as const)))(
    'from %s, %s is allowed exactly when the lifecycle says so',
    async (status, move) => {
      const id = await c.matterIn(status)
      const input = { id, ...(await STEP[move].input(id)) }
      const before = c.digest()
      const answer = await c.suggest(STEP[move].by, move, input)
      if (TRANSITIONS[move].from.includes(status)) {
        expect(answer).toMatchObject({ ok: true, data: { status: TRANSITIONS[move].to } })
      } else {
        // Before a matter has a handler, nobody may resolve it at all.
        const unassigned = ['submitted', 'accepted', 'rejected', 'merged'].includes(status)
        const code = move === 'resolve' && unassigned ? 'PERMISSION_DENIED' : 'FAILED_PRECONDITION'
        expect(answer).toMatchObject({ ok: false, error: { code } })
        expect(c.digest()).toBe(before)
      }
    },
  )
})

describe('who may take each step', () => {
  const everyone = Object.values(PEOPLE)
  const allowed: Record<UserMove, string[]> = {
    accept: [PEOPLE.staff, PEOPLE.grid],
    assign: [PEOPLE.staff, PEOPLE.grid],
    reject: [PEOPLE.staff, PEOPLE.grid],
    merge: [PEOPLE.staff, PEOPLE.grid],
    resolve: [PEOPLE.head],
    confirm: [PEOPLE.reporter],
    reopen: [PEOPLE.reporter],
  }
  const from: Record<UserMove, SuggestionStatus> = {
    accept: 'submitted',
    assign: 'accepted',
    reject: 'submitted',
    merge: 'submitted',
    resolve: 'assigned',
    confirm: 'resolved',
    reopen: 'resolved',
  }

  it.each(MOVES)('%s: only the right people, and a refusal changes nothing', async (move) => {
    const id = await c.matterIn(from[move])
    const input = { id, ...(await STEP[move].input(id)) }
    for (const openid of everyone.filter((p) => !allowed[move].includes(p))) {
      const before = c.digest()
      expect([openid, await c.suggest(openid, move, input)]).toEqual([
        openid,
        { ok: false, error: expect.objectContaining({ code: 'PERMISSION_DENIED' }) },
      ])
      expect(c.digest()).toBe(before)
    }
    expect(await c.suggest(allowed[move][0]!, move, input)).toMatchObject({ ok: true })
  })

  it('shows a matter only to its reporter, handler, the building head and staff of the community', async () => {
    const id = await c.matterIn('assigned')
    for (const openid of [PEOPLE.reporter, PEOPLE.head, PEOPLE.staff, PEOPLE.grid]) {
      expect(await c.suggest(openid, 'detail', { id })).toMatchObject({ ok: true })
    }
    for (const openid of [PEOPLE.neighbour, PEOPLE.otherHead, PEOPLE.otherStaff]) {
      expect(await c.suggest(openid, 'detail', { id })).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED' },
      })
    }
  })

  it('lets only staff of the community see its board, statistics and handler list', async () => {
    const id = await c.matterIn('accepted')
    for (const openid of [PEOPLE.reporter, PEOPLE.head, PEOPLE.otherStaff]) {
      expect(await c.suggest(openid, 'board', { communityId: COMMUNITY })).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED' },
      })
      expect(
        await c.suggest(openid, 'statistics', { communityId: COMMUNITY, month: '2026-11' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED' },
      })
      expect(await c.suggest(openid, 'handlers', { id })).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED' },
      })
    }
  })

  it('assigns only to heads of the building and the community’s grid workers and staff', async () => {
    const id = await c.matterIn('accepted')
    for (const handlerOpenid of [PEOPLE.otherHead, PEOPLE.otherStaff, PEOPLE.reporter]) {
      expect(
        await c.suggest(PEOPLE.staff, 'assign', { id, handlerOpenid, dueDate: dueIn(2) }),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT' },
      })
    }
    expect(
      await c.suggest(PEOPLE.staff, 'assign', {
        id,
        handlerOpenid: PEOPLE.grid,
        dueDate: dueIn(-1),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '办结期限不能早于今天' },
    })
    expect(
      await c.suggest(PEOPLE.staff, 'assign', {
        id,
        handlerOpenid: PEOPLE.grid,
        dueDate: '2026-02-30',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
    // Handing it to someone else: the new handler resolves, the old one no longer may.
    await c.suggest(PEOPLE.staff, 'assign', { id, handlerOpenid: PEOPLE.head, dueDate: dueIn(2) })
    await c.suggest(PEOPLE.staff, 'assign', { id, handlerOpenid: PEOPLE.grid, dueDate: dueIn(2) })
    expect(await c.suggest(PEOPLE.head, 'resolve', { id, reply: '好了' })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    expect(await c.suggest(PEOPLE.grid, 'resolve', { id, reply: '好了' })).toMatchObject({
      ok: true,
    })
  })

  it('refuses a due date that does not exist as such, with the input, before finding the matter', async () => {
    // Found by the input fuzz: "2099-02-30" passed validation and was then told 「不能早于今天」.
    for (const id of [await c.matterIn('accepted'), 'no-such-matter']) {
      expect(
        await c.suggest(PEOPLE.staff, 'assign', {
          id,
          handlerOpenid: PEOPLE.grid,
          dueDate: '2099-02-30',
        }),
      ).toEqual({
        ok: false,
        error: {
          code: 'INVALID_ARGUMENT',
          message: '办结期限不是有效的日期',
          details: [{ field: 'dueDate', message: '办结期限不是有效的日期' }],
        },
      })
    }
  })
})

describe('submitting', () => {
  const valid = () => ({
    communityId: COMMUNITY,
    category: 'environment',
    title: '垃圾桶满了',
    description: '小区门口的垃圾桶两天没有清运。',
    requestId: newRequestId(),
  })

  it('refuses bad input with a clear message and writes nothing', async () => {
    const foreign = 'cloud://another-env.7a7a-another-env-1250000000/uploads/suggestions/x.jpg'
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '   ' }, '请填写标题'],
      [{ description: '长'.repeat(1001) }, '详细描述最多 1000 个字'],
      [
        {
          photos: Array.from(
            { length: 10 },
            (_, i) => `cloud://local.6c6f-local-1250000000/uploads/suggestions/${i}.jpg`,
          ),
        },
        '最多 9 张照片',
      ],
      [{ photos: [foreign] }, '照片须先上传到本小程序'],
      [{ photos: ['https://example.com/a.jpg'] }, '照片须先上传到本小程序'],
      [{ category: 'gossip' }, '请选择有效的类别'],
      [{ buildingId: 'b-wanda-huacheng-1' }, '所选楼栋不在这个社区'],
      [{ communityId: 'c-nowhere' }, '没有找到这个社区'],
      [{ description: '这里有人赌博' }, '内容含有不适合发布的信息，请修改后再提交'],
      [{ reporterOpenid: PEOPLE.staff }, '不支持的字段：reporterOpenid'],
    ]
    for (const [change, message] of cases) {
      const before = c.digest()
      const answer = await c.suggest(PEOPLE.reporter, 'submit', { ...valid(), ...change })
      expect([change, answer.ok ? answer : answer.error.message]).toEqual([change, message])
      expect(c.digest()).toBe(before)
    }
  })

  it('creates one matter however often the same request arrives', async () => {
    const input = valid()
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => c.suggest(PEOPLE.reporter, 'submit', input)),
    )
    const ids = new Set(answers.map((a) => (a.ok ? a.data.id : a.error.code)))
    expect(ids.size).toBe(1)
    expect(c.cloud.store.count('suggestions', { _id: [...ids][0] })).toBe(1)
  })

  it('requires agreement to the privacy notice', async () => {
    await c.db.collection('users').add({
      data: {
        _id: 'test-grid-unagreed',
        openid: 'test-grid-unagreed',
        displayName: '新网格员',
        roles: [{ role: 'gridWorker', communityId: COMMUNITY }],
        createdAt: new Date(),
      },
    })
    const answer = await c.suggest('test-grid-unagreed', 'submit', valid())
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '请先阅读并同意《隐私保护指引》' },
    })
  })

  it('refuses matters from people who neither live in nor serve the community', async () => {
    await c.call('someone-new', 'agreePrivacy', { version: '1' })
    const before = c.digest()
    for (const stranger of ['someone-new', CALLERS.staffOfAnotherCommunity]) {
      expect(await c.suggest(stranger, 'submit', valid())).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED', message: '绑定本社区的房屋后才能向本社区提建议' },
      })
    }
    expect(c.digest()).toBe(before)
  })

  it('lets a grid worker or the head file for a resident without a phone, but not a resident', async () => {
    const onBehalf = { householdId: 'h-jiguang-3-502', residentName: '王秀英' }
    expect(await c.suggest(PEOPLE.reporter, 'submit', { ...valid(), onBehalf })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    expect(await c.suggest(PEOPLE.otherHead, 'submit', { ...valid(), onBehalf })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    const filed = await c.suggest(PEOPLE.head, 'submit', { ...valid(), onBehalf })
    expect(filed).toMatchObject({ ok: true })
    const id = filed.ok ? filed.data.id : ''
    const detail = await c.suggest(PEOPLE.head, 'detail', { id })
    expect(detail).toMatchObject({
      ok: true,
      data: {
        onBehalf: true,
        reporterName: '王秀英',
        buildingId: BUILDING,
        where: '继光花苑 3号楼',
      },
    })
    expect(detail.ok && detail.data.timeline[0]).toMatchObject({
      actor: '代办人',
      text: '代502居民提交',
    })
    // The filer follows it up: it is in their list, and they confirm for the resident.
    const mine = await c.suggest(PEOPLE.head, 'mine')
    expect(mine.ok && mine.data.items[0]).toMatchObject({ id, onBehalf: true })
    expect(await c.suggest(PEOPLE.grid, 'submit', { ...valid(), onBehalf })).toMatchObject({
      ok: true,
    })
  })
})

describe('rejecting and merging', () => {
  it('tells the reporter why it was rejected or where it was merged', async () => {
    const rejected = await c.matterIn('submitted')
    expect(
      await c.suggest(PEOPLE.staff, 'reject', {
        id: rejected,
        reason: '属于物业公司的维修范围，已转告物业',
      }),
    ).toMatchObject({
      ok: true,
      data: { status: 'rejected', can: [] },
    })
    const carrier = await c.matterIn('accepted')
    const duplicate = await c.matterIn('submitted')
    expect(
      await c.suggest(PEOPLE.staff, 'merge', { id: duplicate, intoId: duplicate }),
    ).toMatchObject({
      ok: false,
      error: { message: '不能合并到自己' },
    })
    expect(
      await c.suggest(PEOPLE.staff, 'merge', { id: duplicate, intoId: rejected }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    })
    const merged = await c.suggest(PEOPLE.staff, 'merge', { id: duplicate, intoId: carrier })
    expect(merged).toMatchObject({ ok: true, data: { status: 'merged', mergedInto: carrier } })
    expect(merged.ok && merged.data.timeline.at(-1)).toMatchObject({
      kind: 'merged',
      text: '与相同事项合并办理：楼道灯不亮',
    })
    const outbox = c.cloud.openApi.outbox().filter((m) => m.touser === PEOPLE.reporter)
    expect(outbox.map((m) => m.data['phrase2']?.value)).toEqual(['未受理', '已受理', '已合并'])
  })

  it('lets only one of two staff members who act at the same moment succeed', async () => {
    const id = await c.matterIn('submitted')
    const answers = await Promise.all([
      c.suggest(PEOPLE.staff, 'accept', { id, reply: '我来' }),
      c.suggest(PEOPLE.grid, 'accept', { id, reply: '网格员来' }),
      c.suggest(PEOPLE.staff, 'accept', { id, reply: '我也来' }),
    ])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    for (const answer of answers.filter((a) => !a.ok)) {
      expect(['CONFLICT', 'FAILED_PRECONDITION']).toContain(!answer.ok && answer.error.code)
    }
    const detail = await c.suggest(PEOPLE.staff, 'detail', { id })
    expect(detail.ok && detail.data.timeline).toHaveLength(2)
  })
})

describe('lists', () => {
  it('shows my matters, the handler’s queue and the public wall, the reporter masked there unless they chose', async () => {
    const hidden = await c.matterIn('closed', { title: '单元门禁坏了' })
    const shown = await c.matterIn('resolved', { title: '花坛需要修剪', showName: true })
    const open = await c.matterIn('assigned', { title: '电动车在楼道充电' })

    const mine = await c.suggest(PEOPLE.reporter, 'mine', { pageSize: 50 })
    const mineIds = mine.ok ? mine.data.items.map((i: any) => i.id) : []
    expect(mineIds).toEqual(expect.arrayContaining([hidden, shown, open]))
    const others = await c.suggest(PEOPLE.neighbour, 'mine')
    expect(others.ok && others.data.items).toEqual([])

    const queue = await c.suggest(PEOPLE.head, 'queue', { pageSize: 50 })
    const queued = queue.ok ? queue.data.items.map((i: any) => i.id) : []
    expect(queued).toEqual(expect.arrayContaining([shown, open]))
    expect(queued).not.toContain(hidden)

    const wall = await c.suggest(PEOPLE.neighbour, 'wall', { communityId: COMMUNITY, pageSize: 50 })
    const items = wall.ok ? wall.data.items : []
    expect(items.map((i: any) => i.id)).toEqual(expect.arrayContaining([hidden, shown]))
    expect(items.map((i: any) => i.id)).not.toContain(open)
    expect(items.find((i: any) => i.id === hidden)).toMatchObject({
      reporterName: '黄**',
      reply: '已更换灯泡',
      satisfaction: 5,
    })
    expect(items.find((i: any) => i.id === shown)).toMatchObject({ reporterName: '黄建华' })
    expect(JSON.stringify(items)).not.toMatch(/"(demo|test)-|13812341234/)
    // A neighbour asking for the detail of a walled matter gets nothing more than the wall.
    expect(await c.suggest(PEOPLE.neighbour, 'detail', { id: hidden })).toMatchObject({ ok: false })
  })

  it('filters the staff board by status, category, building and overdue, with the total', async () => {
    const late = await c.matterIn('assigned', { category: 'safety', title: '消防通道堆放杂物' })
    // Due yesterday: moved into the past directly, as if days had gone by.
    await c.db
      .collection('suggestions')
      .doc(late)
      .update({ data: { dueAt: new Date(Date.now() - 86_400_000) } })
    const board = (filter: Record<string, unknown>) =>
      c.suggest(PEOPLE.staff, 'board', { communityId: COMMUNITY, filter, pageSize: 50 })
    const overdue = await board({ overdue: true })
    expect(overdue).toMatchObject({
      ok: true,
      data: { total: 1, items: [{ id: late, overdue: true }] },
    })
    const safety = await board({ category: 'safety', status: 'assigned' })
    const found = safety.ok ? safety.data.items : []
    expect(found.map((i: any) => i.id)).toContain(late)
    expect(found.every((i: any) => i.category === 'safety' && i.status === 'assigned')).toBe(true)
    const all = await board({ buildingId: BUILDING })
    expect(all.ok && all.data.total).toBe(
      c.cloud.store.count('suggestions', { buildingId: BUILDING }),
    )
    expect(await board({ overdue: true, status: 'closed' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
  })
})

describe('indexes', () => {
  it('serves every list and statistics query through an index', async () => {
    const id = await c.matterIn('assigned')
    c.cloud.store.unindexedQueries.length = 0
    await c.suggest(PEOPLE.reporter, 'mine')
    await c.suggest(PEOPLE.head, 'queue')
    await c.suggest(PEOPLE.neighbour, 'wall', { communityId: COMMUNITY })
    await c.suggest(PEOPLE.staff, 'handlers', { id })
    for (const filter of [
      {},
      { status: 'assigned' },
      { category: 'repair' },
      { buildingId: BUILDING },
      { overdue: true },
    ]) {
      const page: any = await c.suggest(PEOPLE.staff, 'board', {
        communityId: COMMUNITY,
        filter,
        pageSize: 1,
      })
      await c.suggest(PEOPLE.staff, 'board', {
        communityId: COMMUNITY,
        filter,
        cursor: page.data.nextCursor ?? undefined,
      })
    }
    await c.suggest(PEOPLE.staff, 'statistics', {
      communityId: COMMUNITY,
      month: '2026-11',
      buildingId: BUILDING,
    })
    expect(c.cloud.store.unindexedQueries).toEqual([])
  })
})

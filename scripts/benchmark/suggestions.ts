/**
 * `npm run bench:suggestions`: submit, the staff board and the monthly statistics of a community
 * with 10,000 matters, through the built `suggestions` function on the local cloud with the
 * project's declared indexes, on disk. A measurement, not a test.
 */
import type { LocalCloud } from '../../local-cloud/src'
import { localFunctionEnv } from '../localCloud/functionEnv'
import { seedDemoIfEmpty } from '../localCloud/seedDemo'
import { summarize, timeSequential } from './stats'
import { benchProjectCloud } from './projectCloud'

const MATTERS = 10_000
const RUNS = 100
const STAFF = 'demo-staff-hefeng'
const RESIDENT = 'demo-resident-huang'
const STATUSES = ['submitted', 'accepted', 'assigned', 'resolved', 'closed', 'rejected', 'merged']
const CATEGORIES = ['party', 'livelihood', 'environment', 'repair', 'dispute', 'safety', 'other']

async function measure(cloud: LocalCloud): Promise<void> {
  await seedDemoIfEmpty(cloud)
  cloud.store.write('users', RESIDENT, {
    ...(cloud.store.find('users', { filter: { _id: RESIDENT } })[0] as object),
    privacyAgreed: { version: '1', at: new Date() },
  })
  const started = performance.now()
  const now = Date.now()
  cloud.store.atomically(() => {
    for (let i = 0; i < MATTERS; i++) {
      const status = STATUSES[i % STATUSES.length]!
      // Spread over the last 60 days, newest last.
      const createdAt = new Date(now - (MATTERS - i) * 518_400)
      const resolved = status === 'resolved' || status === 'closed'
      cloud.store.write('suggestions', `sg-bench-${String(i).padStart(5, '0')}`, {
        communityId: 'c-hefeng',
        estateId: 'e-jiguang',
        buildingId: `b-jiguang-${(i % 6) + 1}`,
        buildingName: `继光花苑 ${(i % 6) + 1}号楼`,
        place: null,
        category: CATEGORIES[(i * 7) % CATEGORIES.length],
        title: `基准事项 ${i}`,
        description: '用于基准测试的事项',
        photos: [],
        ownerOpenid: RESIDENT,
        reporterName: '黄大伯',
        showName: false,
        householdId: null,
        onBehalf: null,
        status,
        handler: null,
        handlerOpenid: null,
        dueAt: status === 'assigned' ? new Date(now + ((i % 5) - 2) * 86_400_000) : null,
        month: new Date(createdAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 7),
        createdAt,
        updatedAt: createdAt,
        version: 1,
        firstResponseAt: status === 'submitted' ? null : createdAt,
        firstResponseMinutes: status === 'submitted' ? null : (i * 37) % 3000,
        resolvedAt: resolved ? createdAt : null,
        resolutionMinutes: resolved ? (i * 53) % 20000 : null,
        closedAt: null,
        satisfaction: status === 'closed' ? (i % 5) + 1 : null,
        reopenCount: resolved && i % 9 === 0 ? 1 : 0,
        mergedInto: null,
        reply: null,
        replyPhotos: [],
        timeline: [],
      })
    }
  })
  console.log(
    `seeded ${MATTERS} matters in 鹤峰社区 in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )

  const call = async (openid: string, data: Record<string, unknown>) => {
    const { result } = await cloud.runtime.invoke('suggestions', data, { OPENID: openid })
    const answer = result as { ok: boolean; error?: unknown; data?: { nextCursor?: string } }
    if (!answer.ok)
      throw new Error(`suggestions.${String(data['action'])}: ${JSON.stringify(answer.error)}`)
    return answer.data
  }
  const board = (extra: Record<string, unknown> = {}) =>
    call(STAFF, { action: 'board', communityId: 'c-hefeng', ...extra })
  // A cursor 5,000 matters deep: where paging by skip would cost the most.
  let deep: string | undefined
  for (let page = 0; page < 50; page++) {
    deep =
      (await board({ pageSize: 50, ...(deep ? { cursor: deep } : {}) }))?.nextCursor ?? undefined
  }
  const month = new Date(now + 8 * 3_600_000).toISOString().slice(0, 7)

  const cases: Array<[string, (i: number) => Promise<unknown>]> = [
    [
      'submit',
      (i) =>
        call(RESIDENT, {
          action: 'submit',
          communityId: 'c-hefeng',
          buildingId: 'b-jiguang-3',
          category: 'repair',
          title: '楼道灯不亮',
          description: '三楼到四楼的楼道灯坏了。',
          requestId: `bench-submit-${i}`,
        }),
    ],
    ['board, first page', () => board()],
    ['board, overdue filter', () => board({ filter: { overdue: true } })],
    ['board, page 101 by cursor', () => board({ cursor: deep })],
    [
      'monthly statistics, community',
      () => call(STAFF, { action: 'statistics', communityId: 'c-hefeng', month }),
    ],
  ]
  console.log(`${RUNS} sequential calls each through the function runtime, on disk (ms):`)
  for (const [name, op] of cases) {
    const s = summarize(await timeSequential(RUNS, 5, op))
    console.log(
      `  ${name.padEnd(32)} p50 ${s.p50.toFixed(1).padStart(6)}  p95 ${s.p95.toFixed(1).padStart(6)}`,
    )
  }
}

benchProjectCloud('suggestions', measure, localFunctionEnv())

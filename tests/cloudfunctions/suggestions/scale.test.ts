/**
 * A community with 10,000 matters, ten times what one query returns: the board pages through all
 * of them exactly once, and a month's statistics equal a brute-force count of the seeded data.
 */
import type { SuggestionDoc } from '../../../cloudfunctions/suggestions/lib/model'
import { monthKey } from '../../../cloudfunctions/shared/time'
import { CATEGORIES, STATUSES } from '../../../cloudfunctions/suggestions/lib/categories'
import { COMMUNITY, PEOPLE, startSuggestionsCloud, type SuggestionsCloud } from './suggestionsCloud'

let c: SuggestionsCloud
const seeded: SuggestionDoc[] = []
const NOW = new Date()
const BUILDINGS = [
  { buildingId: 'b-jiguang-3', estateId: 'e-jiguang' },
  { buildingId: 'b-jiguang-4', estateId: 'e-jiguang' },
  { buildingId: 'b-second-1', estateId: 'e-second' },
]

/** A small deterministic generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

function seedDocs(count: number): SuggestionDoc[] {
  const next = random(42)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  const start = Date.parse('2026-09-30T16:00:00Z') // 1 October, 00:00 in Shanghai
  return Array.from({ length: count }, (_, i) => {
    const where = pick(BUILDINGS)
    const status = pick(STATUSES)
    // Three matters share each second: the board must order ties by id.
    const createdAt = new Date(start + Math.floor(i / 3) * 1000 * 60 * 26)
    const responded = status !== 'submitted'
    const resolvedOnce =
      ['resolved', 'closed'].includes(status) || (status === 'assigned' && next() < 0.2)
    return {
      _id: `sg-seed-${String(i).padStart(5, '0')}`,
      communityId: COMMUNITY,
      ...where,
      buildingName: null,
      place: null,
      category: pick(CATEGORIES),
      title: `事项 ${i}`,
      description: '批量生成',
      photos: [],
      ownerOpenid: PEOPLE.reporter,
      reporterName: '黄建华',
      showName: false,
      householdId: null,
      onBehalf: null,
      status,
      handler: null,
      handlerOpenid: null,
      dueAt:
        status === 'assigned'
          ? new Date(NOW.getTime() + (next() < 0.5 ? -1 : 1) * 86_400_000)
          : null,
      month: monthKey(createdAt),
      createdAt,
      updatedAt: createdAt,
      version: 1,
      firstResponseAt: responded ? createdAt : null,
      firstResponseMinutes: responded ? Math.floor(next() * 5000) : null,
      resolvedAt: resolvedOnce ? createdAt : null,
      resolutionMinutes: resolvedOnce ? Math.floor(next() * 20000) : null,
      closedAt: null,
      satisfaction: status === 'closed' && next() < 0.8 ? 1 + Math.floor(next() * 5) : null,
      reopenCount: resolvedOnce && next() < 0.15 ? 1 + Math.floor(next() * 2) : 0,
      mergedInto: null,
      reply: null,
      replyPhotos: [],
      timeline: [],
    }
  })
}

beforeAll(async () => {
  c = await startSuggestionsCloud()
  await c.db.collection('estates').add({
    data: { _id: 'e-second', communityId: COMMUNITY, name: '第二小区', createdAt: new Date() },
  })
  await c.db.collection('buildings').add({
    data: {
      _id: 'b-second-1',
      communityId: COMMUNITY,
      estateId: 'e-second',
      number: '1号楼',
      sortKey: '0001',
      headOpenids: [],
      householdCount: 0,
      createdAt: new Date(),
    },
  })
  // Only the seeded matters: the demo's own are set aside.
  await c.db.collection('suggestions').where({ communityId: COMMUNITY }).remove()
  seeded.push(...seedDocs(10_000))
  for (let i = 0; i < seeded.length; i += 500) {
    await c.db.collection('suggestions').add({ data: seeded.slice(i, i + 500) })
  }
}, 120_000)
afterAll(() => c.cloud.close())

function expectedStatistics(docs: SuggestionDoc[]) {
  const median = (values: number[]) => {
    if (values.length === 0) return null
    const sorted = [...values].sort((a, b) => a - b)
    const middle = Math.floor((sorted.length - 1) / 2)
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle]! + sorted[middle + 1]!) / 2
  }
  const rated = docs.filter((d) => d.satisfaction !== null)
  const resolved = docs.filter((d) => d.resolutionMinutes !== null)
  const count = <K extends string>(keys: readonly K[], of: (d: SuggestionDoc) => K) =>
    Object.fromEntries(keys.map((k) => [k, docs.filter((d) => of(d) === k).length]))
  return {
    total: docs.length,
    byStatus: count(STATUSES, (d) => d.status),
    byCategory: count(CATEGORIES, (d) => d.category),
    medianFirstResponseMinutes: median(
      docs.flatMap((d) => (d.firstResponseMinutes === null ? [] : [d.firstResponseMinutes])),
    ),
    medianResolutionMinutes: median(resolved.map((d) => d.resolutionMinutes!)),
    overdue: docs.filter((d) => d.status === 'assigned' && d.dueAt! < NOW).length,
    averageSatisfaction: rated.length
      ? Math.round((rated.reduce((s, d) => s + d.satisfaction!, 0) / rated.length) * 100) / 100
      : null,
    rated: rated.length,
    reopenRatePercent: resolved.length
      ? Math.round((resolved.filter((d) => d.reopenCount > 0).length / resolved.length) * 1000) / 10
      : null,
  }
}

it('pages the staff board through all 10,000 matters, newest first, each exactly once', async () => {
  const seen: string[] = []
  let cursor: string | null = null
  const totals = new Set<number>()
  do {
    const page: any = await c.suggest(PEOPLE.staff, 'board', {
      communityId: COMMUNITY,
      pageSize: 50,
      ...(cursor ? { cursor } : {}),
    })
    expect(page.ok).toBe(true)
    totals.add(page.data.total)
    seen.push(...page.data.items.map((i: { id: string }) => i.id))
    cursor = page.data.nextCursor
  } while (cursor)
  const expected = [...seeded]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1))
    .map((d) => d._id)
  expect([...totals]).toEqual([10_000])
  expect(seen).toEqual(expected)
}, 120_000)

it('counts a filtered board past the 1000-row limit', async () => {
  const answer: any = await c.suggest(PEOPLE.staff, 'board', {
    communityId: COMMUNITY,
    filter: { status: 'closed' },
  })
  expect(answer.data.total).toBe(seeded.filter((d) => d.status === 'closed').length)
  expect(answer.data.total).toBeGreaterThan(1000)
  const overdue: any = await c.suggest(PEOPLE.staff, 'board', {
    communityId: COMMUNITY,
    filter: { overdue: true },
  })
  expect(overdue.data.total).toBe(
    seeded.filter((d) => d.status === 'assigned' && d.dueAt! < NOW).length,
  )
})

it.each([
  ['the community', {}],
  ['an estate', { estateId: 'e-second' }],
  ['a building', { buildingId: 'b-jiguang-4' }],
])(
  'computes a month’s statistics for %s exactly',
  async (_label, scope: Record<string, string>) => {
    for (const month of ['2026-10', '2026-11']) {
      const answer: any = await c.suggest(PEOPLE.staff, 'statistics', {
        communityId: COMMUNITY,
        month,
        ...scope,
      })
      const docs = seeded.filter(
        (d) =>
          d.month === month &&
          (!scope['estateId'] || d.estateId === scope['estateId']) &&
          (!scope['buildingId'] || d.buildingId === scope['buildingId']),
      )
      expect(docs.length).toBeGreaterThan(scope['buildingId'] || scope['estateId'] ? 500 : 1000)
      expect(answer).toEqual({
        ok: true,
        data: { month, scope: { communityId: COMMUNITY, ...scope }, ...expectedStatistics(docs) },
      })
    }
  },
)

it('refuses an estate or building of another community', async () => {
  expect(
    await c.suggest(PEOPLE.staff, 'statistics', {
      communityId: COMMUNITY,
      month: '2026-11',
      buildingId: 'b-wanda-huacheng-1',
    }),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT' },
  })
})

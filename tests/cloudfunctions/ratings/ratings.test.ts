/** The ratings function on the local cloud with the demo data. */
import {
  CALLERS,
  newRequestId,
  startCommunityCloud,
  type CommunityCloud,
} from '../community/communityCloud'
import { monthKey } from '../../../cloudfunctions/shared/time'
import { DIMENSIONS } from '../../../cloudfunctions/ratings/lib/fiveStar'

let c: CommunityCloud
const month = monthKey(new Date())
const good = { cleanliness: 5, safety: 4, facilities: 5, culture: 3, harmony: 5 }

beforeAll(async () => {
  c = await startCommunityCloud()
}, 30_000)
afterAll(() => c.cloud.close())

const rate = (openid: string, extra: Record<string, unknown> = {}) =>
  c.cloud.callFunction(
    'ratings',
    {
      action: 'submitRating',
      buildingId: 'b-jiguang-3',
      month,
      scores: good,
      requestId: newRequestId(),
      ...extra,
    },
    openid,
  ) as Promise<any>

describe('submitRating', () => {
  it.each([
    ['someone not bound to the building', CALLERS.unbound, {}, 'PERMISSION_DENIED'],
    [
      'a score outside 1–5',
      CALLERS.resident,
      { scores: { ...good, safety: 6 } },
      'INVALID_ARGUMENT',
    ],
    [
      'a missing dimension',
      CALLERS.resident,
      { scores: { cleanliness: 5, safety: 5, facilities: 5, culture: 5 } },
      'INVALID_ARGUMENT',
    ],
    [
      'a month that is not the current one',
      CALLERS.resident,
      { month: '2020-01' },
      'FAILED_PRECONDITION',
    ],
  ])('refuses %s and changes nothing', async (_label, openid, extra, code) => {
    const before = c.digest()
    expect(await rate(openid, extra)).toMatchObject({ ok: false, error: { code } })
    expect(c.digest()).toBe(before)
  })

  it('refuses a comment the content check rejects', async () => {
    c.cloud.openApi.setBlockedWords(['违禁词'])
    expect(await rate(CALLERS.resident, { comment: '这里有违禁词' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    })
  })

  it('keeps one current rating per household and month under 50 taps at once, and all of them in the history', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => rate(CALLERS.resident, { comment: '楼道很干净' })),
    )
    expect(results.every((r) => r.ok)).toBe(true)
    const current = c.cloud.store.find('corridorRatings', {
      filter: { householdId: 'h-jiguang-3-301', month },
    })
    expect(current).toHaveLength(1)
    expect(current[0]).toMatchObject({ submissions: 50, scores: good })
    expect(
      c.cloud.store.count('corridorRatingHistory', { householdId: 'h-jiguang-3-301', month }),
    ).toBe(50)
  })
})

describe('summaries', () => {
  it('match a brute-force recomputation over a seeded community', async () => {
    c.cloud.store.atomically(() => {
      let n = 0
      for (const building of c.cloud.store.find('buildings', {
        filter: { communityId: 'c-jinxi' },
      })) {
        const households = c.cloud.store.find('households', {
          filter: { buildingId: building['_id'] },
        })
        households.forEach((h, i) => {
          if ((i + n) % 3 === 0) return
          const scores = Object.fromEntries(
            DIMENSIONS.map((d, k) => [d, ((i * 7 + k * 3 + n) % 5) + 1]),
          )
          c.cloud.store.write('corridorRatings', `${h['_id']}_${month}`, {
            communityId: 'c-jinxi',
            buildingId: building['_id'],
            householdId: h['_id'],
            month,
            openid: 'seed',
            scores,
            photos: [],
            submissions: 1,
            updatedAt: new Date(),
          })
        })
        n++
      }
    })
    const ranking = (await c.cloud.callFunction(
      'ratings',
      { action: 'ranking', communityId: 'c-jinxi', month },
      CALLERS.resident,
    )) as any
    expect(ranking.ok).toBe(true)
    for (const row of ranking.data) {
      const ratings = c.cloud.store.find('corridorRatings', {
        filter: { buildingId: row.buildingId, month },
      })
      const stars = ratings.flatMap((r) =>
        DIMENSIONS.map((d) => (r['scores'] as Record<string, number>)[d]!),
      )
      expect(row.ratedHouseholds).toBe(ratings.length)
      expect(row.overall).toBe(
        ratings.length
          ? Math.round((stars.reduce((a, b) => a + b, 0) / stars.length) * 100) / 100
          : null,
      )
    }
    expect(ranking.data.map((r: { rank: number }) => r.rank)).toEqual(
      ranking.data.map((_r: unknown, i: number) => i + 1),
    )
    const overall = ranking.data.map((r: { overall: number | null }) => r.overall ?? -1)
    expect([...overall].sort((a, b) => b - a)).toEqual(overall)
  })

  it('show a building’s month, trend and comments by room without names', async () => {
    const summary = (await c.cloud.callFunction(
      'ratings',
      { action: 'buildingSummary', buildingId: 'b-jiguang-3' },
      CALLERS.unbound,
    )) as any
    expect(summary.ok).toBe(true)
    expect(summary.data.current).toMatchObject({
      month,
      ratedHouseholds: 1,
      totalHouseholds: 12,
      averages: good,
      overall: 4.4,
    })
    expect(summary.data.trend).toHaveLength(12)
    expect(summary.data.recentComments).toEqual([
      { room: '301', comment: '楼道很干净', photos: [], at: expect.any(String) },
    ])
    expect(JSON.stringify(summary.data)).not.toContain('黄')
  })
})

describe('staff settings', () => {
  const call = (openid: string, action: string, input: Record<string, unknown>) =>
    c.cloud.callFunction('ratings', { action, ...input }, openid) as Promise<any>

  it('lets staff of the community set its five-star rule, which the summaries then apply', async () => {
    const before = c.digest()
    expect(
      await call(CALLERS.headOfThisBuilding, 'configureFiveStar', {
        communityId: 'c-hefeng',
        minOverall: 4,
        minSharePercent: 5,
      }),
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(
      await call(CALLERS.staffOfAnotherCommunity, 'configureFiveStar', {
        communityId: 'c-hefeng',
        minOverall: 4,
        minSharePercent: 5,
      }),
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(
      await call(CALLERS.staffOfThisCommunity, 'configureFiveStar', {
        communityId: 'c-hefeng',
        minOverall: 2.9,
        minSharePercent: 5,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(
      await call(CALLERS.staffOfThisCommunity, 'configureFiveStar', {
        communityId: 'c-hefeng',
        minOverall: 4.25,
        minSharePercent: 5,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(c.digest()).toBe(before)

    // 3号楼 has one rating this month (4.4 stars) from 1 of 12 households: 8%.
    const standard = await call(CALLERS.resident, 'buildingSummary', { buildingId: 'b-jiguang-3' })
    expect(standard.data.current).toMatchObject({ overall: 4.4, fiveStar: false })
    expect(
      await call(CALLERS.staffOfThisCommunity, 'configureFiveStar', {
        communityId: 'c-hefeng',
        minOverall: 4.4,
        minSharePercent: 8,
      }),
    ).toEqual({ ok: true, data: { minOverall: 4.4, minSharePercent: 8 } })
    const relaxed = await call(CALLERS.resident, 'buildingSummary', { buildingId: 'b-jiguang-3' })
    expect(relaxed.data.current.fiveStar).toBe(true)
    const ranking = await call(CALLERS.resident, 'ranking', { communityId: 'c-hefeng', month })
    expect(
      ranking.data.find((r: { buildingId: string }) => r.buildingId === 'b-jiguang-3').fiveStar,
    ).toBe(true)
  })

  it('lets staff record the adopting unit and what it did, shown on the building page', async () => {
    expect(
      await call(CALLERS.headOfThisBuilding, 'recordPartnerUnit', {
        buildingId: 'b-jiguang-3',
        name: '某单位',
      }),
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(
      await call(CALLERS.staffOfThisCommunity, 'recordPartnerUnit', {
        buildingId: 'b-jiguang-3',
        name: '蕉城区图书馆',
        activity: '在架空层设立图书角',
      }),
    ).toMatchObject({ ok: true })
    await call(CALLERS.staffOfThisCommunity, 'recordPartnerUnit', {
      buildingId: 'b-jiguang-3',
      name: '蕉城区图书馆',
      activity: '更换楼道宣传栏',
    })
    const summary = await call(CALLERS.resident, 'buildingSummary', { buildingId: 'b-jiguang-3' })
    expect(summary.data.partnerUnit).toBe('蕉城区图书馆')
    expect(summary.data.partnerActivities.map((a: { activity: string }) => a.activity)).toEqual([
      '更换楼道宣传栏',
      '在架空层设立图书角',
    ])
  })
})

describe('weak points', () => {
  it('show heads and staff each dimension, weakest first, with how many gave 1–2 stars; nobody else', async () => {
    await c.cloud.callFunction(
      'ratings',
      {
        action: 'submitRating',
        buildingId: 'b-jiguang-3',
        month,
        scores: { ...good, safety: 1 },
        requestId: newRequestId(),
      },
      CALLERS.headOfThisBuilding,
    )
    const asHead = (await c.cloud.callFunction(
      'ratings',
      { action: 'buildingSummary', buildingId: 'b-jiguang-3' },
      CALLERS.headOfThisBuilding,
    )) as any
    expect(asHead.data.weakPoints[0]).toEqual({
      dimension: 'safety',
      label: '安全畅通',
      average: 2.5,
      lowCount: 1,
    })
    expect(asHead.data.weakPoints).toHaveLength(5)
    const asResident = (await c.cloud.callFunction(
      'ratings',
      { action: 'buildingSummary', buildingId: 'b-jiguang-3' },
      CALLERS.resident,
    )) as any
    expect(asResident.data.weakPoints).toBeUndefined()
  })
})

describe('dimensions per community', () => {
  it('lets staff choose at least three dimensions; ratings then score exactly those', async () => {
    const call = (openid: string, action: string, input: Record<string, unknown>) =>
      c.cloud.callFunction('ratings', { action, ...input }, openid) as Promise<any>
    expect(
      await call(CALLERS.resident, 'configureDimensions', {
        communityId: 'c-hefeng',
        dimensions: ['safety', 'cleanliness', 'harmony'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(
      await call(CALLERS.staffOfThisCommunity, 'configureDimensions', {
        communityId: 'c-hefeng',
        dimensions: ['safety', 'harmony'],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '至少保留 3 个评价项目' },
    })
    expect(
      await call(CALLERS.staffOfThisCommunity, 'configureDimensions', {
        communityId: 'c-hefeng',
        dimensions: ['safety', 'cleanliness', 'harmony'],
      }),
    ).toEqual({ ok: true, data: { dimensions: ['cleanliness', 'safety', 'harmony'] } })

    const before = c.digest()
    expect(await rate(CALLERS.resident)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '本社区不评价“设施完好”' },
    })
    expect(await rate(CALLERS.resident, { scores: { cleanliness: 5, safety: 5 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请给“邻里和睦”打分' },
    })
    expect(c.digest()).toBe(before)
    expect(
      await rate(CALLERS.resident, { scores: { cleanliness: 5, safety: 4, harmony: 3 } }),
    ).toMatchObject({ ok: true, data: { overall: 4 } })
    const summary = await call(CALLERS.resident, 'buildingSummary', { buildingId: 'b-jiguang-3' })
    expect(summary.data.dimensions.map((d: { label: string }) => d.label)).toEqual([
      '整洁卫生',
      '安全畅通',
      '邻里和睦',
    ])
    expect(summary.data.current.averages.facilities).toBeNull()
  })
})

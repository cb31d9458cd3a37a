/** The demo `npm start` seeds: the report's places and teams, and people of every role. */
import * as path from 'node:path'
import { demoDocuments } from '../../scripts/demo/demoDocuments'
import { DEMO_USERS } from '../../scripts/demo/users'
import { seedDemoIfEmpty } from '../../scripts/localCloud/seedDemo'
import { startTestCloud, type TestCloud } from '../local-cloud/support/testCloud'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud({ schemaDir: path.resolve(__dirname, '../../database') })
})
afterAll(() => t.cloud.close())

describe('demo data', () => {
  const docs = demoDocuments(new Date('2026-11-01T00:00:00Z'))

  it('has the report’s communities and the ten teams of 金溪社区', () => {
    expect(docs['communities']!.map((c) => c['name'])).toEqual(['鹤峰社区', '万达社区', '金溪社区'])
    expect(docs['volunteerTeams']!.map((team) => team['name'])).toEqual([
      '旗帜先锋',
      '讲习骑兵',
      '畚乡枫警',
      '律动先锋',
      '蔚蓝星空',
      '科言科语',
      '星火夕阳',
      '医心医意',
      '绿洲课后',
      '金邻一家',
    ])
    const building17 = docs['buildings']!.find((b) => b['_id'] === 'b-jinhan-2b-17')!
    expect(building17['partnerUnit']).toMatchObject({ name: '宁德市委宣传部' })
  })

  it('has a user of every role, each binding pointing at a real household', () => {
    const roles = new Set(DEMO_USERS.flatMap((u) => u.roles.map((r) => r.role)))
    expect([...roles].sort()).toEqual(['buildingHead', 'gridWorker', 'staff'])
    expect(DEMO_USERS.some((u) => u.household && u.roles.length === 0)).toBe(true)
    expect(DEMO_USERS.some((u) => u.pendingHousehold)).toBe(true)
    expect(DEMO_USERS.some((u) => u.leaderOf)).toBe(true)
    const households = new Set(docs['households']!.map((h) => h['_id']))
    for (const binding of docs['bindings']!) expect(households).toContain(binding['householdId'])
  })

  it('has five past months of corridor ratings, the adopted 17号楼 the best rated', () => {
    const ratings = docs['corridorRatings']!
    const months = [...new Set(ratings.map((r) => r['month']))].sort()
    expect(months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'])
    const average = (buildingId: string) => {
      const stars = ratings
        .filter((r) => r['buildingId'] === buildingId)
        .flatMap((r) => Object.values(r['scores'] as object) as number[])
      return stars.reduce((a, b) => a + b, 0) / stars.length
    }
    expect(average('b-jinhan-2b-17')).toBeGreaterThanOrEqual(4.5)
    expect(average('b-jiguang-3')).toBeLessThan(4.5)
  })

  it('has six months of 3号楼’s building fee, its ledger agreeing with every receipt', () => {
    const receipts = docs['feeReceipts']!
    const voided = receipts.filter((r) => r['voided'])
    const expenses = docs['feeExpenses']!
    const sum = (rows: Array<Record<string, unknown>>) =>
      rows.reduce((s, r) => s + Number(r['amountFen']), 0)
    const [ledger] = docs['feeLedgers']!
    expect(docs['feeLedgers']).toHaveLength(1)
    expect(ledger).toMatchObject({
      lastSeq: receipts.length,
      incomeFen: sum(receipts),
      voidedIncomeFen: sum(voided),
      expenseFen: sum(expenses),
    })
    expect(receipts.map((r) => r['seq'])).toEqual(receipts.map((_r, i) => i + 1))
    // Every valid receipt's period is claimed by it, and only those.
    const claims = new Map(docs['feeClaims']!.map((c) => [c['_id'], c['receiptId']]))
    const valid = receipts.filter((r) => !r['voided'])
    expect(claims.size).toBe(valid.length)
    for (const r of valid) {
      expect(claims.get(`${r['householdId']}_${(r['periods'] as string[])[0]}`)).toBe(r['_id'])
    }
    expect(receipts.some((r) => r['room'] === '302')).toBe(false)
  })

  it('gives each of the ten teams a leader who is a member, and projects past and upcoming', () => {
    const members = new Set(docs['volunteerMemberships']!.map((m) => m['_id']))
    for (const team of docs['volunteerTeams']!) {
      expect(team['leaderOpenid']).toEqual(expect.any(String))
      expect(members).toContain(`${team['_id']}_${team['leaderOpenid']}`)
    }
    const now = new Date('2026-11-01T00:00:00Z').getTime()
    const starts = docs['volunteerProjects']!.map((p) => (p['startAt'] as Date).getTime())
    expect(starts.some((t) => t < now)).toBe(true)
    expect(starts.some((t) => t > now)).toBe(true)
    expect(
      docs['volunteerSignups']!.filter((s) => s['hoursStatus'] === 'confirmed').length,
    ).toBeGreaterThan(0)
  })

  it('seeds an empty local cloud once, through the declared collections', async () => {
    expect(await seedDemoIfEmpty(t.cloud)).toBe(true)
    expect(await seedDemoIfEmpty(t.cloud)).toBe(false)
    expect(t.cloud.store.count('households', {})).toBe(docs['households']!.length)
    const head = t.cloud.store.getById('users', 'demo-head-jiguang-3')!
    expect(head['roles']).toEqual([
      { role: 'buildingHead', communityId: 'c-hefeng', buildingId: 'b-jiguang-3' },
    ])
  })
})

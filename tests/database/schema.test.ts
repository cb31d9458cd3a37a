/**
 * database/ is what the deploy applies: every collection the code touches is declared with its
 * rule, the "at most one" rules have unique indexes, each function may call the openapi it
 * uses, and every list query of the functions is served by an index.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import {
  CALLERS,
  THIS_BUILDING,
  startCommunityCloud,
  type CommunityCloud,
} from '../cloudfunctions/community/communityCloud'

const ROOT = path.resolve(__dirname, '../..')
const declarations = fs
  .readdirSync(path.join(ROOT, 'database'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    file,
    ...JSON.parse(fs.readFileSync(path.join(ROOT, 'database', file), 'utf8')),
  }))

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : []
  })
}
const serverSource = sourceFiles(path.join(ROOT, 'cloudfunctions'))
  .map((file) => fs.readFileSync(file, 'utf8'))
  .join('\n')

describe('database/', () => {
  it('declares every collection the functions use, each with a closed-by-default rule and its reason', () => {
    // Collection names in shared/model.ts and in each function's lib/model.ts.
    const models = [
      'cloudfunctions/shared/model.ts',
      ...fs
        .readdirSync(path.join(ROOT, 'cloudfunctions'))
        .map((name) => `cloudfunctions/${name}/lib/model.ts`)
        .filter((file) => fs.existsSync(path.join(ROOT, file))),
    ]
    const named = models.flatMap((file) =>
      [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/COLLECTIONS = \{([^}]*)\}/g)]
        .flatMap((block) => [...block[1]!.matchAll(/^\s+\w+: '(\w+)',$/gm)])
        .map((m) => m[1]!),
    )
    expect(named).toEqual(expect.arrayContaining(['volunteerSignups', 'feeReceipts']))
    const literal = [...serverSource.matchAll(/\.collection(?:<[^>]+>)?\('(\w+)'\)/g)].map(
      (m) => m[1]!,
    )
    const audit = /AUDIT_COLLECTION = '(\w+)'/.exec(serverSource)![1]!
    const used = new Set([...named, ...literal, audit])
    const declared = new Set(declarations.map((d) => d.name))
    for (const name of used) expect(declared).toContain(name)
    for (const declaration of declarations) {
      expect(declaration.file).toBe(`${declaration.name}.json`)
      expect(declaration.rule).toEqual(
        expect.objectContaining({ read: expect.anything(), write: false }),
      )
      expect(declaration.ruleReason).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it('has a unique index for every "at most one" rule that has landed', () => {
    const unique = (collection: string) =>
      declarations
        .find((d) => d.name === collection)!
        .indexes.filter((i: { unique?: boolean }) => i.unique)
        .map((i: { keys: object }) => Object.keys(i.keys))
    // One open (pending or approved) binding per user and household.
    expect(unique('bindings')).toContainEqual(['openid', 'householdId', 'activeSlot'])
    expect(unique('households')).toContainEqual(['buildingId', 'room'])
    // One receipt per number: building, year and place in the year's sequence.
    expect(unique('feeReceipts')).toContainEqual(['buildingId', 'year', 'seq'])
  })
})

describe('cloudfunctions/*/config.json', () => {
  const functions = fs
    .readdirSync(path.join(ROOT, 'cloudfunctions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
    .map((entry) => entry.name)

  /** The function's own files and every shared file they import: what its bundle holds. */
  function bundledSource(entry: string): string {
    const seen = new Set<string>()
    const visit = (file: string): void => {
      if (seen.has(file)) return
      seen.add(file)
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)) {
        const target = path.resolve(path.dirname(file), match[1]!)
        if (fs.existsSync(`${target}.ts`)) visit(`${target}.ts`)
      }
    }
    visit(entry)
    return [...seen].map((file) => fs.readFileSync(file, 'utf8')).join('\n')
  }

  it.each(functions)('%s permits every openapi call its code makes', (name) => {
    const code = bundledSource(path.join(ROOT, 'cloudfunctions', name, 'index.ts'))
    const calls = new Set([...code.matchAll(/openapi\.(\w+\.\w+)/g)].map((m) => m[1]!))
    const config = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'cloudfunctions', name, 'config.json'), 'utf8'),
    )
    for (const call of calls) expect(config.permissions.openapi).toContain(call)
  })
})

describe('indexes for list queries', () => {
  let c: CommunityCloud
  beforeAll(async () => {
    c = await startCommunityCloud()
  }, 30_000)
  afterAll(() => c.cloud.close())

  it('serves every query of the community actions through an index', async () => {
    c.cloud.store.unindexedQueries.length = 0
    const staff = CALLERS.staffOfThisCommunity
    await c.call(CALLERS.resident, 'me')
    await c.call(CALLERS.resident, 'listCommunities')
    await c.call(CALLERS.resident, 'listEstates', { communityId: 'c-hefeng' })
    await c.call(staff, 'listBuildings', { estateId: 'e-jiguang' })
    await c.call(staff, 'listHouseholds', { buildingId: THIS_BUILDING })
    await c.call(staff, 'listPendingBindings', { buildingId: THIS_BUILDING })
    await c.call(staff, 'listAudit', { communityId: 'c-hefeng' })
    await c.call(staff, 'importHouseholds', {
      buildingId: THIS_BUILDING,
      floors: { from: 1, to: 1 },
      roomsPerFloor: { from: 1, to: 3 },
    })
    await c.call(CALLERS.unbound, 'requestBinding', {
      buildingId: THIS_BUILDING,
      room: '601',
      requestId: 'req-index-check',
    })
    expect(c.cloud.store.unindexedQueries).toEqual([])
  })

  it('serves every query of the fee actions through an index', async () => {
    c.cloud.store.unindexedQueries.length = 0
    const fees = (openid: string, action: string, input: Record<string, unknown>) =>
      c.cloud.callFunction('fees', { action, ...input }, openid) as Promise<{ ok: boolean }>
    const head = CALLERS.headOfThisBuilding
    const staff = CALLERS.staffOfThisCommunity
    const building = { buildingId: THIS_BUILDING }
    const results = [
      await fees(CALLERS.resident, 'getPlan', building),
      await fees(CALLERS.resident, 'openAccount', building),
      await fees(CALLERS.resident, 'householdFees', { householdId: 'h-jiguang-3-301' }),
      await fees(CALLERS.resident, 'listReceipts', building),
      await fees(CALLERS.resident, 'listExpenses', building),
      await fees(head, 'arrears', building),
      await fees(head, 'remind', { householdId: 'h-jiguang-3-301' }),
      await fees(staff, 'collectionRates', { communityId: 'c-hefeng', month: '2026-01' }),
      await fees(staff, 'exportLedger', { ...building, period: '2026' }),
      await fees(head, 'recordExpense', {
        ...building,
        amountFen: 100,
        purpose: '垃圾袋',
        spentOn: '2026-01-01',
        photos: [],
        requestId: 'req-index-fees-1',
      }),
    ]
    expect(results.map((r) => r.ok)).not.toContain(false)
    expect(c.cloud.store.unindexedQueries).toEqual([])
  })
})

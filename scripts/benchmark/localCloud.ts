/**
 * How fast the local cloud answers the real wx-server-sdk, against THE FLOOR (the same SDK against
 * a server that answers instantly), and what a function call adds. A measurement, not a test:
 * it exits 0 whatever the figures.
 *
 *   npx tsx scripts/benchmark/localCloud.ts [--docs 100000] [--ops 2000] [--scan-ops 20]
 */
import * as os from 'node:os'
import { parseArgs } from 'node:util'
import { TRIVIAL_FUNCTION } from './dataset'
import { closeHttpClient, postJson } from './httpPost'
import { DESCRIPTIONS, type OperationName } from './operations'
import { measureSdk } from './measureSdk'
import { formatTable, formatVerdicts, writeJson, type Row } from './report'
import { checkAnswers } from './sanityCheck'
import { openDatabase, pointSdkAt } from './sdkClient'
import { spawnServer, type ServerHandle } from './serverHost'
import { summarize, timeInterleaved, type Summary } from './stats'
import { judge, SIMPLE } from './targets'

const OUTPUT = 'dist/benchmark/local-cloud.json'
/** Each comparison is timed in this many slices, taken in turn on every server. */
const ROUNDS = 10

// wx-server-sdk can leave rejections behind (docs/architecture.md「平台事实：wx-server-sdk 的未处理拒绝」):
// count them, do not die.
const unhandled: unknown[] = []
process.on('unhandledRejection', (reason) => unhandled.push(reason))

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    ops: { type: 'string', default: '2000' },
    'scan-ops': { type: 'string', default: '20' },
  },
})
const docs = Number(values.docs)
const ops = Number(values.ops)
const scanOps = Number(values['scan-ops'])
const warmup = Math.max(20, Math.round(ops / 10))

type Results = Partial<Record<OperationName, Summary>>

async function measureFunctionCall(
  cloud: ServerHandle,
  floor: ServerHandle,
): Promise<{ invoke: Summary; viaCloud: Summary; viaFloor: Summary }> {
  const invoke = summarize(await cloud.invoke(ops, warmup))
  const body = JSON.stringify({ name: TRIVIAL_FUNCTION, data: {} })
  const headers = { 'x-wx-openid': 'o' }
  const answer = JSON.parse(await postJson(`${cloud.url}/callFunction`, body, headers)) as {
    result?: { ok?: boolean }
  }
  if (answer.result?.ok !== true) throw new Error(`callFunction answered ${JSON.stringify(answer)}`)
  const post = (url: string) => () => postJson(`${url}/callFunction`, body, headers)
  const [viaCloud = [], viaFloor = []] = await timeInterleaved(
    [{ op: post(cloud.url) }, { op: post(floor.url) }],
    ops,
    warmup,
    ROUNDS,
  )
  return { invoke, viaCloud: summarize(viaCloud), viaFloor: summarize(viaFloor) }
}

function rows(setup: string, results: Results, floor: Results): Row[] {
  return Object.entries(results).map(([name, summary]) => {
    const base = floor[name as OperationName]
    return {
      setup,
      operation: DESCRIPTIONS[name as OperationName],
      ...summary,
      ...(base ? { ofFloor: (100 * summary.opsPerSec) / base.opsPerSec } : {}),
    }
  })
}

async function main(): Promise<void> {
  const loadAverage = os.loadavg()[0]!
  const servers = await Promise.all([
    spawnServer({ kind: 'floor' }),
    spawnServer({ kind: 'localCloud', onDisk: true, docs, withPlain: true }),
    spawnServer({ kind: 'localCloud', onDisk: false, docs, withPlain: false }),
  ])
  const [floorServer, diskServer, memoryServer] = servers
  try {
    const db = openDatabase()
    pointSdkAt(diskServer.url)
    await checkAnswers(db, docs, true)
    pointSdkAt(memoryServer.url)
    await checkAnswers(db, docs, false)
    const [floor = {}, disk = {}, memory = {}] = await measureSdk(
      db,
      docs,
      [
        { url: floorServer.url, names: SIMPLE },
        { url: diskServer.url, names: [...SIMPLE, 'queryIndexed', 'queryPlain'] },
        { url: memoryServer.url, names: [...SIMPLE, 'queryIndexed'] },
      ],
      {
        iterations: (name) => (name === 'queryPlain' ? scanOps : ops),
        warmup: (name) => (name === 'queryPlain' ? 2 : warmup),
        rounds: ROUNDS,
      },
    )
    const call = await measureFunctionCall(diskServer, floorServer)
    const added = {
      p50: call.viaCloud.p50 - call.viaFloor.p50,
      p95: call.viaCloud.p95 - call.viaFloor.p95,
    }

    const table: Row[] = [
      ...rows('floor', floor, {}),
      ...rows('local cloud, on disk', disk, floor),
      ...rows('local cloud, in memory', memory, floor),
      {
        setup: 'function call',
        operation: 'runtime.invoke() in the server process',
        ...call.invoke,
      },
      {
        setup: 'function call',
        operation: 'POST /callFunction to the local cloud',
        ...call.viaCloud,
      },
      { setup: 'function call', operation: 'POST of the same size to the floor', ...call.viaFloor },
      { setup: 'function call', operation: 'added by the local cloud (difference)', ...added },
    ]
    const verdicts = judge(floor, disk, added, docs)

    const setupLines = [
      `Local cloud benchmark: ${docs.toLocaleString('en')} documents per collection, ${ops} sequential calls per operation after ${warmup} warm-up calls (the query without an index: ${scanOps} calls after 2), taken in ${ROUNDS} slices alternating between the servers.`,
      "Client: this process, the real wx-server-sdk 4.0.2 configured as in a cloud function (TENCENTCLOUD_RUNENV=SCF, so Node's default HTTP agent; TCB_CONTEXT_CNFG switched between servers).",
      'Servers: each in its own child process, with its own event loop (as the local cloud runs beside its function worker threads):',
      '  floor = a plain node http server answering canned responses; local cloud on disk = SQLite file in WAL mode in a temp folder (the headline);',
      '  local cloud in memory = the same with dataDir null. Function instances are worker threads of the local-cloud process.',
      `Machine: ${os.cpus().length} CPUs, load average ${loadAverage.toFixed(2)} at start, Node ${process.version}. Loading (not measured): on disk ${(diskServer.loadMs / 1000).toFixed(1)} s, in memory ${(memoryServer.loadMs / 1000).toFixed(1)} s.`,
    ]
    console.log(
      [
        '',
        ...setupLines,
        '',
        formatTable(table),
        '',
        'Targets (local cloud on disk):',
        formatVerdicts(verdicts),
      ].join('\n'),
    )
    if (unhandled.length > 0)
      console.log(`\n${unhandled.length} unhandled rejection(s) from the SDK were ignored.`)
    writeJson(OUTPUT, {
      date: new Date().toISOString(),
      options: { docs, ops, scanOps, warmup },
      machine: { cpus: os.cpus().length, loadAverage, node: process.version },
      setup: setupLines,
      results: { floor, disk, memory, functionCall: { ...call, added } },
      verdicts,
    })
    console.log(`\nWritten to ${OUTPUT}.`)
  } finally {
    await Promise.all(servers.map((server) => server.close()))
    closeHttpClient()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

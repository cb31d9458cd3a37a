/** A write the SDK was told succeeded survives `kill -9` of the server process. */
import { spawn, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Store } from '../../local-cloud/src/database/store'

const ROOT = path.resolve(__dirname, '../..')
const CLI = path.join(ROOT, 'local-cloud/bin/local-cloud.ts')

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CLI,
        '--port',
        '0',
        '--data',
        dataDir,
        '--schema',
        path.join(dataDir, 'schema'),
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) resolve({ child, url: match[1]! })
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)))
  })
}

async function admin(url: string, body: Record<string, unknown>) {
  const response = await fetch(`${url}/admin?env=local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ envName: 'local', ...body }),
  })
  return (await response.json()) as {
    code?: string
    data?: { list?: string[]; insertedIds?: string[] }
  }
}

it('keeps an acknowledged write across kill -9 and restart', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-persist-'))
  fs.mkdirSync(path.join(dataDir, 'schema'))
  fs.writeFileSync(
    path.join(dataDir, 'schema', 'receipts.json'),
    JSON.stringify({ name: 'receipts' }),
  )
  const first = await startServer(dataDir)
  const inserted = await admin(first.url, {
    action: 'database.insertDocument',
    collectionName: 'receipts',
    data: [JSON.stringify({ _id: 'JG17-2026-0042', amountFen: { $numberInt: '3000' } })],
  })
  expect(inserted.code).toBeUndefined()
  // The server process itself (node with tsx's loader, no wrapper), so nothing survives the kill.
  first.child.kill('SIGKILL')
  await new Promise((resolve) => first.child.once('exit', resolve))

  const second = await startServer(dataDir)
  try {
    const read = await admin(second.url, {
      action: 'database.getDocument',
      collectionName: 'receipts',
      queryType: 'DOC',
      query: JSON.stringify({ _id: 'JG17-2026-0042' }),
      multi: false,
    })
    expect(read.data!.list!.map((doc) => JSON.parse(doc))).toEqual([
      { _id: 'JG17-2026-0042', amountFen: 3000 },
    ])
  } finally {
    second.child.kill('SIGKILL')
    await new Promise((resolve) => second.child.once('exit', resolve))
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}, 30_000)

it('copies the WAL into the database file once writes pause, not while they go on', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-checkpoint-'))
  const file = path.join(dir, 'db.sqlite')
  const store = new Store(file, { idleCheckpointMs: 100 })
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  try {
    store.createCollection('receipts')
    await pause(500)
    const before = fs.statSync(file).size
    // Writes every 10 ms: never a quiet tick, so the pages stay in the WAL.
    for (let i = 0; i < 30; i++) {
      store.write('receipts', `r${i}`, { note: 'x'.repeat(2000) })
      await pause(10)
    }
    expect(fs.statSync(file).size).toBe(before)
    await pause(500)
    expect(fs.statSync(file).size).toBeGreaterThan(before + 30 * 2000)
    expect(store.getById('receipts', 'r29')).toEqual({ _id: 'r29', note: 'x'.repeat(2000) })
  } finally {
    store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

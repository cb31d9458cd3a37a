/**
 * A local cloud set up for the benchmark: a temp folder holding the collection declarations, a
 * trivial function and (on disk) the SQLite file; collections filled through the store's own API.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../local-cloud/src'
import { benchDocument, docId, INDEXED, PLAIN, PROJECT_CREATED, TRIVIAL_FUNCTION } from './dataset'

const LOAD_BATCH = 10_000

export interface BenchCloudOptions {
  onDisk: boolean
  docs: number
  /** Also fill the collection without the index (the slow, scanning variant). */
  withPlain: boolean
}

export interface BenchCloud {
  cloud: LocalCloud
  loadMs: number
  close(): Promise<void>
}

export async function startBenchCloud(options: BenchCloudOptions): Promise<BenchCloud> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jl-bench-'))
  const schemaDir = path.join(root, 'database')
  const functionsDir = path.join(root, 'functions')
  writeJson(path.join(schemaDir, `${INDEXED}.json`), { name: INDEXED, indexes: [PROJECT_CREATED] })
  writeJson(path.join(schemaDir, `${PLAIN}.json`), { name: PLAIN })
  writeJson(path.join(functionsDir, TRIVIAL_FUNCTION, 'config.json'), {})
  fs.writeFileSync(
    path.join(functionsDir, TRIVIAL_FUNCTION, 'index.js'),
    'exports.main = async (event) => ({ ok: true })\n',
  )
  const cloud = await startLocalCloud({
    dataDir: options.onDisk ? path.join(root, 'data') : null,
    port: 0,
    schemaDir,
    functionsDir,
  })
  const started = performance.now()
  for (const collection of options.withPlain ? [INDEXED, PLAIN] : [INDEXED]) {
    load(cloud, collection, options.docs)
  }
  return {
    cloud,
    loadMs: performance.now() - started,
    async close() {
      await cloud.close()
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}

function load(cloud: LocalCloud, collection: string, docs: number): void {
  const { store } = cloud
  for (let from = 0; from < docs; from += LOAD_BATCH) {
    store.atomically(() => {
      for (let i = from; i < Math.min(docs, from + LOAD_BATCH); i++) {
        store.write(collection, docId(i), benchDocument(i))
      }
    })
  }
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(value))
}

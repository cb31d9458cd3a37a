/**
 * The local cloud: a CloudBase-compatible server for the unmodified wx-server-sdk, with a
 * SQLite document store, file storage, the openapi calls apps use and a function runtime.
 * It imports nothing from the app that uses it.
 */
import type { AddressInfo } from 'node:net'
import * as path from 'node:path'
import { databaseActions } from './database/actions'
import { readDeclarations } from './database/indexDeclaration'
import { serializeDocument } from './database/ejson'
import { Store } from './database/store'
import { Transactions } from './database/transactions'
import { FunctionRuntime } from './functions/runtime'
import { functionActions } from './http/functionActions'
import { createOpenApi, type OpenApi } from './openapi'
import { createHttpServer } from './server'
import { createStorage, MAX_UPLOAD_BYTES, type Storage } from './storage'

/** The env id functions run in (getWXContext().ENV) and that client uploads are minted for. */
const ENV_NAME = 'local'

export interface LocalCloudOptions {
  /** 0 picks a free port (tests). */
  port?: number
  /** Loopback by default: the client endpoint trusts a header for identity. */
  host?: string
  /** Folder for the SQLite file and stored files; null keeps everything in memory. */
  dataDir?: string | null
  /** Collection declarations (one JSON file per collection), created with their indexes at start. */
  schemaDir?: string
  /** Built functions, one folder each with index.js. */
  functionsDir?: string
  /** Environment every function gets (the console's configuration), e.g. template ids. */
  env?: Record<string, string>
  /** Environment of one function, by name, over `env`. */
  functionEnv?: Record<string, Record<string, string>>
  /** The app id reported as WX_APPID to functions. */
  appid?: string
  /** Words `security.msgSecCheck` flags as risky. */
  blockedWords?: string[]
  /** The server's clock for `serverDate` (tests move time with it). */
  clock?: () => number
  /**
   * A folder of static files served at /app/, e.g. a web build of the mini-program that calls
   * this server; read at request time, so it may be built after the server started.
   */
  webAppDir?: string | null
}

export interface LocalCloud {
  url: string
  port: number
  store: Store
  storage: Storage
  openApi: OpenApi
  runtime: FunctionRuntime
  /** Environment that points wx-server-sdk at this server, as the cloud would set it. */
  sdkEnv: Record<string, string>
  /** Calls a function as a mini-program user would. */
  callFunction(name: string, data: unknown, openid: string): Promise<unknown>
  /** Creates the declared collections and indexes (again), e.g. after `reset`. */
  applySchema(): void
  close(): Promise<void>
}

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const dataDir = options.dataDir ?? null
  const store = new Store(dataDir ? path.join(dataDir, 'db.sqlite') : null)
  const transactions = new Transactions(store)
  const storage = createStorage({ dir: dataDir ? path.join(dataDir, 'files') : null })
  const openApi = createOpenApi({
    ...(options.blockedWords ? { blockedWords: options.blockedWords } : {}),
  })
  const clock = options.clock ?? Date.now
  const appid = options.appid ?? 'wxlocalcloud000000'
  let baseUrl = ''
  const sdkEnv: Record<string, string> = {}
  // Filled once the port is known: the configured environment, then what points the SDK here.
  const functionBaseEnv: Record<string, string> = {}

  const runtime = new FunctionRuntime({
    functionsDir: options.functionsDir ?? path.resolve('dist/cloudfunctions'),
    baseEnv: functionBaseEnv,
    ...(options.functionEnv ? { functionEnv: options.functionEnv } : {}),
  })

  const applySchema = (): void => {
    if (!options.schemaDir) return
    for (const declaration of readDeclarations(options.schemaDir)) {
      if (!store.hasCollection(declaration.name)) store.createCollection(declaration.name)
      store.declareIndexes(declaration.name, declaration.indexes ?? [])
    }
  }
  applySchema()

  const server = createHttpServer({
    admin: {
      actions: {
        ...databaseActions(store, transactions, clock),
        ...storage.actions,
        ...functionActions(runtime),
      },
      openApi: (body, contentType, context) => openApi.handle(body, contentType, context),
      baseUrl: () => baseUrl,
    },
    runtime,
    appid,
    upload: (cloudPath, headers, body) => storage.handleUpload(cloudPath, headers, body),
    formUpload: (cloudPath, contentType, body) =>
      storage.handleFormUpload(cloudPath, contentType, body),
    download: (cloudPath) => storage.handleDownload(cloudPath),
    clientUpload: (cloudPath, bytes) => storage.putFromClient(ENV_NAME, cloudPath, bytes),
    uploadLimit: MAX_UPLOAD_BYTES,
    webAppDir: options.webAppDir ?? null,
    dashboard: (collection, page) => {
      const pageSize = 20
      const selected =
        collection && store.hasCollection(collection)
          ? {
              name: collection,
              page,
              pageSize,
              total: store.count(collection, {}),
              documents: store
                .find(collection, {
                  filter: {},
                  sort: [['_id', 1]],
                  skip: (page - 1) * pageSize,
                  limit: pageSize,
                })
                .map((doc) => JSON.stringify(JSON.parse(serializeDocument(doc)), null, 2)),
            }
          : null
      return {
        collections: store
          .listCollections()
          .map((name) => ({ name, count: store.count(name, {}) })),
        selected,
        outbox: openApi.outbox(),
        files: storage.list(),
        invocations: runtime.recent,
        functions: runtime.listFunctions(),
      }
    },
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`
  Object.assign(sdkEnv, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${baseUrl}/admin` }),
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    // What the cloud sets: the SDK then uses Node's default agent
    // (local-cloud/PROTOCOL.md「Transport: The SDK's HTTP agent」).
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: ENV_NAME,
    TCB_ENV: ENV_NAME,
    WX_APPID: appid,
  })
  Object.assign(functionBaseEnv, options.env, sdkEnv)

  return {
    url: baseUrl,
    port,
    store,
    storage,
    openApi,
    runtime,
    sdkEnv,
    applySchema,
    async callFunction(name, data, openid) {
      const { result } = await runtime.invoke(name, data, {
        OPENID: openid,
        APPID: appid,
        SOURCE: 'wx_client',
      })
      return result
    },
    async close() {
      await runtime.reload()
      await new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
      store.close()
    },
  }
}

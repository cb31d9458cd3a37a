/**
 * An in-process local cloud on an ephemeral port with an in-memory store, and the real
 * wx-server-sdk pointed at it: one per test file.
 */
import * as path from 'node:path'
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../../local-cloud/src'
import { localFunctionEnv } from '../../../scripts/localCloud/functionEnv'
import { loadWxServerSdk, type WxServerSdk } from './wxServerSdk'

export interface TestCloud {
  cloud: LocalCloud
  sdk: WxServerSdk
  // The SDK's database typings are too loose to use (results typed `string | void | …`).
  db: any
}

// wx-server-sdk can raise an unhandled rejection alongside a caught error (ARCHITECTURE.md §5).
process.on('unhandledRejection', () => undefined)

export async function startTestCloud(options: LocalCloudOptions = {}): Promise<TestCloud> {
  const cloud = await startLocalCloud({
    dataDir: null,
    functionsDir: path.resolve(__dirname, '../../../dist/cloudfunctions'),
    env: localFunctionEnv(),
    ...options,
  })
  const sdk = loadWxServerSdk(cloud.sdkEnv)
  const db = sdk.database({ throwOnNotFound: false } as never)
  return { cloud, sdk, db }
}

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

// wx-server-sdk can raise an unhandled rejection alongside a caught error
// (local-cloud/PROTOCOL.md「Transport: Unhandled rejections」).
process.on('unhandledRejection', () => undefined)

/**
 * Tests create far more records in a day than a person would: the daily quotas are lifted
 * (tests/cloudfunctions/shared/quota.test.ts sets its own to test them).
 */
export const LIFTED_QUOTAS = JSON.stringify(
  Object.fromEntries(
    ['suggestions', 'ratings', 'helpRequests', 'uploads', 'bindings'].map((kind) => [
      kind,
      { perUserPerDay: 1_000_000, perCommunityPerDay: null },
    ]),
  ),
)
// Routers a test runs in its own process read the quotas from here.
process.env['JINLIN_QUOTAS'] ??= LIFTED_QUOTAS

export async function startTestCloud(options: LocalCloudOptions = {}): Promise<TestCloud> {
  const cloud = await startLocalCloud({
    dataDir: null,
    functionsDir: path.resolve(__dirname, '../../../dist/cloudfunctions'),
    env: { ...localFunctionEnv(), JINLIN_QUOTAS: LIFTED_QUOTAS },
    ...options,
  })
  const sdk = loadWxServerSdk(cloud.sdkEnv)
  const db = sdk.database({ throwOnNotFound: false } as never)
  return { cloud, sdk, db }
}

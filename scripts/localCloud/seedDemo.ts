/**
 * Fills an empty local cloud with the demo (places of the report, the ten volunteer teams,
 * fictional people of every role), through the real wx-server-sdk as a function would.
 */
import type * as WxServerSdk from 'wx-server-sdk'
import type { LocalCloud } from '../../local-cloud/src'
import { demoDocuments } from '../demo/demoDocuments'

const BATCH = 500

/** Seeds only an empty store; answers whether it seeded. */
export async function seedDemoIfEmpty(cloud: LocalCloud): Promise<boolean> {
  if (cloud.store.count('users', {}) > 0) return false
  Object.assign(process.env, cloud.sdkEnv)
  // Required only now: the SDK must see the environment that points it at this local cloud.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as typeof WxServerSdk
  sdk.init({ env: 'local' } as never)
  const db = sdk.database()
  for (const [collection, docs] of Object.entries(demoDocuments(new Date()))) {
    for (let i = 0; i < docs.length; i += BATCH) {
      await db.collection(collection).add({ data: docs.slice(i, i + BATCH) } as never)
    }
  }
  return true
}

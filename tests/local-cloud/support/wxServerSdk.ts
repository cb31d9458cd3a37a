/**
 * The real wx-server-sdk pointed at a local cloud. The SDK reads where to go (TCB_CONTEXT_CNFG),
 * its credentials and the cloud's runtime markers from the environment, so `localCloud.sdkEnv` is
 * set before it is required; jest gives each test file its own module registry, hence its own SDK.
 */
import type * as wxServerSdk from 'wx-server-sdk'

export type WxServerSdk = typeof wxServerSdk

export function loadWxServerSdk(sdkEnv: Record<string, string>): WxServerSdk {
  Object.assign(process.env, sdkEnv)
  const cloud = require('wx-server-sdk') as WxServerSdk
  cloud.init({ env: 'test' } as never)
  return cloud
}

/**
 * Collects unhandled rejections instead of letting them kill the jest worker (node 20 exits on
 * one, and wx-server-sdk is known to leave some behind): a test can then assert there were none.
 */
export function collectUnhandledRejections(): { reasons: unknown[]; stop(): void } {
  const reasons: unknown[] = []
  const listener = (reason: unknown) => reasons.push(reason)
  process.on('unhandledRejection', listener)
  return { reasons, stop: () => process.off('unhandledRejection', listener) }
}

/** What a rejected SDK call rejected with, for asserting on its errCode / errMsg. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise
  } catch (error) {
    return error as Record<string, unknown>
  }
  throw new Error('expected the call to fail, it succeeded')
}

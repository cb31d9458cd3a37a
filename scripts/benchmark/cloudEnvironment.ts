/**
 * What the cloud sets for a function, set before wx-server-sdk is loaded: with them the SDK uses
 * Node's default HTTP agent; without them each call waits ~65 ms on a delayed ACK
 * (docs/architecture.md「平台事实：HTTP 代理与延迟确认」).
 * Import this module before wx-server-sdk.
 */
Object.assign(process.env, {
  TENCENTCLOUD_RUNENV: 'SCF',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  SCF_NAMESPACE: 'bench',
  TENCENTCLOUD_SECRETID: 'bench',
  TENCENTCLOUD_SECRETKEY: 'bench',
})

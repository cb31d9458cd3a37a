/**
 * What the cloud sets for a function, so wx-server-sdk uses Node's default HTTP agent here too
 * (outside SCF it waits on delayed ACKs, ~65 ms a call;
 * docs/architecture.md「平台事实：HTTP 代理与延迟确认」).
 */
process.env['TENCENTCLOUD_RUNENV'] ??= 'SCF'
process.env['TENCENTCLOUD_REGION'] ??= 'ap-shanghai'
process.env['SCF_NAMESPACE'] ??= 'test'
process.env['TZ'] = 'UTC'

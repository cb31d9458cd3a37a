/**
 * What the cloud sets for a function, so wx-server-sdk uses Node's default HTTP agent here too
 * (outside SCF it waits on delayed ACKs, ~65 ms a call; ARCHITECTURE.md §5).
 */
process.env['TENCENTCLOUD_RUNENV'] ??= 'SCF'
process.env['TENCENTCLOUD_REGION'] ??= 'ap-shanghai'
process.env['SCF_NAMESPACE'] ??= 'test'
process.env['TZ'] = 'UTC'

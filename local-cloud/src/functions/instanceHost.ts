/**
 * The code a function instance (a worker thread) runs. It is plain JavaScript passed to
 * `new Worker(code, { eval: true })`, so it works the same under tsx, jest or compiled.
 * A worker has its own copy of process.env: setting the caller there before each invocation is
 * how wx-server-sdk's getWXContext() sees its own user, exactly as in a cloud instance, which
 * serves one invocation at a time.
 */
export const INSTANCE_HOST_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
process.on('unhandledRejection', (reason) => console.error('[' + workerData.name + '] unhandled rejection', reason))
const CONTEXT_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID']
// Whatever a function throws must become an answer: an exception while describing it would leave
// its caller waiting for the timeout.
const textOf = (read) => {
  try {
    const value = read()
    return value === undefined ? '' : String(value)
  } catch {
    return ''
  }
}
let main
try {
  main = require(workerData.entry).main
} catch (error) {
  parentPort.postMessage({ type: 'loadError', message: String(error && error.stack || error) })
}
parentPort.postMessage({ type: 'ready' })
parentPort.on('message', async (job) => {
  for (const key of CONTEXT_KEYS) {
    const value = job.context[key.slice(3)]
    if (value) process.env[key] = value
    else delete process.env[key]
  }
  process.env.TCB_SOURCE = job.context.SOURCE || ''
  let result
  try {
    if (typeof main !== 'function') throw new Error('the function does not export main')
    result = await main(job.event, job.invocation)
  } catch (error) {
    const message =
      textOf(() => error.message) || textOf(() => error) || 'the function threw a value that cannot be shown as text'
    parentPort.postMessage({ type: 'error', id: job.id, message, stack: textOf(() => error.stack) })
    return
  }
  try {
    parentPort.postMessage({ type: 'result', id: job.id, result: result === undefined ? null : result })
  } catch (error) {
    // A result that cannot be copied to the caller (a function, nesting too deep) fails this call
    // only; the instance goes on serving.
    const reason = textOf(() => error.message) || textOf(() => error)
    parentPort.postMessage({ type: 'error', id: job.id, message: "the function's return value cannot be sent back: " + reason })
  }
})
`

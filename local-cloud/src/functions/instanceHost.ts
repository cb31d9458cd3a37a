/**
 * The code a function instance (a worker thread) runs. It is plain JavaScript passed to
 * `new Worker(code, { eval: true })`, so it works the same under tsx, jest or compiled.
 * A worker has its own copy of process.env: setting the caller there before each invocation is
 * how wx-server-sdk's getWXContext() sees its own user, exactly as in a cloud instance, which
 * serves one invocation at a time.
 *
 * Messages to the runtime: `ready` once the code is loaded, or `loadError` with the report of why
 * it could not be (the instance is then discarded); per invocation `result` or `error`; and
 * `lateWork` for a request that ended after its invocation answered (hostRequests.ts).
 */
import { HOST_ERRORS_SOURCE } from './hostErrors'
import { HOST_REQUESTS_SOURCE } from './hostRequests'

export const INSTANCE_HOST_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
process.on('unhandledRejection', (reason) => console.error('[' + workerData.name + '] unhandled rejection', reason))
const CONTEXT_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_CLIENTIPV6']
${HOST_ERRORS_SOURCE}
${HOST_REQUESTS_SOURCE}
let main
let loadFailure = null
try {
  main = require(workerData.entry).main
} catch (error) {
  loadFailure = error
}
if (loadFailure) {
  reportError(loadFailure, (report) => parentPort.postMessage({ type: 'loadError', report }))
} else {
  parentPort.postMessage({ type: 'ready' })
  parentPort.on('message', serve)
}

async function serve(job) {
  for (const key of CONTEXT_KEYS) {
    const value = job.context[key.slice(3)]
    if (value) process.env[key] = value
    else delete process.env[key]
  }
  process.env.TCB_SOURCE = job.context.SOURCE || ''
  circularWarnings.length = 0
  const current = { id: job.id, answered: false }
  currentJob = current
  let result
  try {
    if (typeof main !== 'function') throw new Error('the function does not export main')
    result = await main(job.event, job.invocation)
  } catch (error) {
    current.answered = true
    reportError(error, (report) => parentPort.postMessage({ type: 'error', id: job.id, message: report }))
    return
  }
  current.answered = true
  try {
    parentPort.postMessage({ type: 'result', id: job.id, result: result === undefined ? null : result })
  } catch (error) {
    // A result that cannot be copied to the caller (a function, nesting too deep) fails this call
    // only; the instance goes on serving.
    const reason = textOf(() => error.message) || textOf(() => error)
    parentPort.postMessage({ type: 'error', id: job.id, message: "the function's return value cannot be sent back: " + reason })
  }
}
`

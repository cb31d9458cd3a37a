/**
 * Part of the instance host (plain JavaScript, see instanceHost.ts): finds work a function left
 * running after it answered. SCF may freeze an instance as soon as it answers ("如果您的 Node.js
 * 函数中包含异步任务，须返回一个 promise 以确保该异步任务在当次调用执行", SCF 开发方法), so a write
 * that is not awaited may never happen in the cloud, while here it always does. Every HTTP request
 * of an invocation (all the SDK's calls: database, storage, other functions) is followed to its
 * end; one that ends after the invocation answered is reported with what it was, e.g.
 * `database.insertDocument on notices`.
 *
 * A request counts as over when its response has ended, which the SDKs only learn after this
 * host: their listeners are added after ours or settle a promise whose continuation runs later.
 * Requests made while no invocation is running (loading the code) belong to none.
 */
export const HOST_REQUESTS_SOURCE = `
let currentJob = null
const PEEK_BYTES = 4096
function requestSummary(request, body) {
  const action = /"action"\\s*:\\s*"([^"]{1,100})"/.exec(body)
  const collection = /"collectionName"\\s*:\\s*"([^"]{1,100})"/.exec(body)
  if (action) return action[1] + (collection ? ' on ' + collection[1] : '')
  return textOf(() => request.method) + ' ' + textOf(() => request.host) + textOf(() => request.path).split('?')[0]
}
function followRequests(httpModule) {
  const request = httpModule.request
  httpModule.request = function followedRequest(...args) {
    const outgoing = request.apply(this, args)
    const job = currentJob
    if (!job) return outgoing
    let body = ''
    const peek = (chunk) => {
      if (body.length < PEEK_BYTES && chunk && typeof chunk !== 'function') {
        body += textOf(() => chunk.toString().slice(0, PEEK_BYTES))
      }
    }
    const write = outgoing.write
    const end = outgoing.end
    outgoing.write = function (chunk, ...rest) {
      peek(chunk)
      return write.call(this, chunk, ...rest)
    }
    outgoing.end = function (chunk, ...rest) {
      peek(chunk)
      return end.call(this, chunk, ...rest)
    }
    let over = false
    const finish = () => {
      if (over) return
      over = true
      if (job.answered) {
        parentPort.postMessage({ type: 'lateWork', id: job.id, what: requestSummary(outgoing, body) })
      }
    }
    outgoing.once('response', (response) => {
      response.once('end', finish)
      response.once('close', finish)
      // Node discards a response nobody listens to; this listener alone must not keep it.
      if (outgoing.listenerCount('response') === 0) response.resume()
    })
    // 'close' follows an 'error' too; listening to 'error' would hide one nobody else handles.
    outgoing.once('close', finish)
    return outgoing
  }
}
followRequests(require('node:http'))
followRequests(require('node:https'))
`

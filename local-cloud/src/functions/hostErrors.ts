/**
 * Part of the instance host (plain JavaScript, see instanceHost.ts): how an error of the
 * function's code is reported. SCF's log of a failed call carries the error's stack with the
 * function's files and lines (`"stackTrace":"Error: …\n    at … (/var/user/index.js:5:3)"`); the
 * report here is that stack without the frames of Node's internals and of this host, which are not
 * the developer's concern. Node reports a circular require only as a process warning ("Accessing
 * non-existent property … inside circular dependency"), emitted on the next tick, so reports wait
 * for it and name it. A package that is not installed is named with what to do about it: the
 * cloud installs what the function's package.json lists when it is deployed, so locally
 * `npm install` in the function's folder is the equivalent.
 */
export const HOST_ERRORS_SOURCE = `
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
const NOT_THE_DEVELOPERS = /node:internal|\\(node:|^\\s*at node:|\\[worker eval\\]/
const MAX_FRAMES = 8
// Node keeps 10 frames, most of them its loader's when a require fails: keep the function's too.
Error.stackTraceLimit = 50
function missingPackageHint(error) {
  if (textOf(() => error.code) !== 'MODULE_NOT_FOUND') return []
  const requested = /Cannot find module '([^']+)'/.exec(textOf(() => error.message))
  if (!requested || /^[./]/.test(requested[1])) return []
  const parts = requested[1].split('/')
  const name = requested[1].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
  const path = require('node:path')
  const folder = path.dirname(workerData.entry)
  const manifestFile = path.join(folder, 'package.json')
  let listed = false
  try {
    const manifest = JSON.parse(require('node:fs').readFileSync(manifestFile, 'utf8'))
    listed = Boolean(manifest.dependencies && manifest.dependencies[name])
  } catch {}
  return [
    listed
      ? '(' + name + ' is in the function\\'s package.json but not installed: run npm install in ' + folder + ')'
      : '(' + name + ' is not in the dependencies of ' + manifestFile + ', and the cloud installs only those)',
  ]
}
const circularWarnings = []
process.on('warning', (warning) => {
  const message = textOf(() => warning.message)
  if (message.includes('circular dependency')) circularWarnings.push(message)
})
function describeError(error) {
  const stack = textOf(() => error.stack)
  let text
  if (stack) {
    let frames = 0
    text = stack
      .split('\\n')
      .filter((line) => !NOT_THE_DEVELOPERS.test(line))
      .filter((line) => !/^\\s+at /.test(line) || ++frames <= MAX_FRAMES)
      .join('\\n')
  } else {
    text =
      textOf(() => error.message) || textOf(() => error) || 'the function threw a value that cannot be shown as text'
  }
  const hints = circularWarnings.splice(0).map((warning) => '(Node warned: ' + warning + ')')
  hints.push(...missingPackageHint(error))
  return [text, ...hints].join('\\n')
}
// Reports after the next tick, once Node's warnings about what just failed have been emitted.
const reportError = (error, post) => setImmediate(() => post(describeError(error)))
`

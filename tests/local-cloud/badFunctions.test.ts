/**
 * Functions that cannot load: code that throws while loading, a dependency that was never
 * installed, a circular require, a syntax error. What SCF reports for one (its log of a call, e.g.
 * https://github.com/lxk0301/jd_scripts/issues/108):
 * `{"errorCode":1,"errorMessage":"user code exception caught","stackTrace":"Error: Cannot find
 * module './jd_joy_plantBean.js'\nRequire stack:\n- /var/user/index.js … at … (/var/user/index.js:5:3)"}`
 * — the error with the file and line it came from, and the caller's call fails
 * (`cloud.callFunction:fail … functions execute fail | errMsg: …`). An instance whose code failed to
 * load is not reused: the next call loads the code again, and other functions are not affected.
 *
 * The broken functions are written by the tests into a temporary folder, so that a test can also
 * repair one (as a redeploy would) and see the next call load the new code.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../local-cloud/src'

let cloud: LocalCloud
let functionsDir: string

const sources: Record<string, Record<string, string>> = {
  healthy: { 'index.js': 'exports.main = async () => ({ ok: true })\n' },
  throwsAtLoad: {
    'index.js':
      "const settings = {}\nthrow new Error('settings are missing')\nexports.main = async () => settings\n",
  },
  missingDependency: {
    'index.js':
      "const pad = require('a-package-nobody-installed')\nexports.main = async () => pad('x', 3)\n",
    'package.json': JSON.stringify({ dependencies: { 'a-package-nobody-installed': '^1.0.0' } }),
  },
  circular: {
    'index.js': "const a = require('./a.js')\nexports.main = async () => a.run()\n",
    'a.js':
      "const b = require('./b.js')\nexports.format = (x) => '[' + x + ']'\nexports.run = () => b.label\n",
    'b.js': "const a = require('./a.js')\nexports.label = a.format('b')\n",
  },
  syntaxError: { 'index.js': 'exports.main = async () => {\n  return { ok: true }\n}}\n' },
  throwsWhenCalled: {
    'index.js':
      "let calls = 0\nexports.main = async () => {\n  calls += 1\n  throw new Error('no such notice ' + calls)\n}\n",
  },
}

function writeFunction(name: string, files: Record<string, string>): void {
  const folder = path.join(functionsDir, name)
  fs.mkdirSync(folder, { recursive: true })
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, file), text)
}

beforeAll(async () => {
  functionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-bad-functions-'))
  for (const [name, files] of Object.entries(sources)) writeFunction(name, files)
  cloud = await startLocalCloud({ dataDir: null, functionsDir })
})
afterAll(async () => {
  await cloud.close()
  fs.rmSync(functionsDir, { recursive: true, force: true })
})

let logged: jest.SpyInstance
beforeEach(() => {
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => logged.mockRestore())

async function call(name: string) {
  const response = await fetch(`${cloud.url}/callFunction`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'oUser1' },
    body: JSON.stringify({ name, data: {} }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

function logText(): string {
  return logged.mock.calls.map((args) => args.map(String).join(' ')).join('\n')
}

it.each([
  [
    'code that throws while loading',
    'throwsAtLoad',
    'Error: settings are missing',
    'throwsAtLoad/index.js:2',
  ],
  [
    'a dependency that is not installed',
    'missingDependency',
    "Cannot find module 'a-package-nobody-installed'",
    'missingDependency/index.js:1',
  ],
  ['a circular require', 'circular', 'TypeError: a.format is not a function', 'circular/b.js:2'],
  ['a syntax error', 'syntaxError', "SyntaxError: Unexpected token '}'", 'syntaxError/index.js:3'],
])(
  '%s fails the call with the error, its file and line, in the answer and the log',
  async (_label, name, error, location) => {
    const { status, body } = await call(name)
    expect(status).toBe(500)
    expect(body.errMsg).toMatch(/^cloud\.callFunction:fail FUNCTIONS_EXECUTE_FAIL /)
    expect(body.errMsg).toContain(error)
    expect(body.errMsg).toContain(path.join(functionsDir, location))
    expect(logText()).toContain(error)
    expect(logText()).toContain(path.join(functionsDir, location))
    // The local cloud's own machinery is not the developer's concern.
    expect(body.errMsg).not.toMatch(/worker eval|node:internal/)
  },
)

// An error thrown by main is the same report, and the instance, which loaded fine, stays warm.
it('fails a call whose main throws with the error, its file and line; the instance stays', async () => {
  const first = await call('throwsWhenCalled')
  expect(first.status).toBe(500)
  expect(first.body.errMsg).toContain('Error: no such notice 1')
  expect(first.body.errMsg).toContain(path.join(functionsDir, 'throwsWhenCalled/index.js:4'))
  expect(logText()).toContain(path.join(functionsDir, 'throwsWhenCalled/index.js:4'))
  expect((await call('throwsWhenCalled')).body.errMsg).toContain('no such notice 2')
})

// The cloud installs what package.json lists when the function is deployed ("云端安装依赖");
// locally nothing installs it, and the developer is told so.
it('says how to install a dependency the function’s package.json lists', async () => {
  const { body } = await call('missingDependency')
  expect(body.errMsg).toContain(
    `a-package-nobody-installed is in the function's package.json but not installed: run npm install in ${path.join(functionsDir, 'missingDependency')}`,
  )
})

it('names the circular require behind the error, as Node warns of it', async () => {
  const { body } = await call('circular')
  expect(body.errMsg).toContain('circular dependency')
})

it('keeps other functions serving while one cannot load', async () => {
  await call('throwsAtLoad')
  expect(await call('healthy')).toMatchObject({ status: 200, body: { result: { ok: true } } })
})

it('loads the code again on the next call: a failed instance is not kept', async () => {
  expect((await call('syntaxError')).status).toBe(500)
  writeFunction('syntaxError', { 'index.js': 'exports.main = async () => ({ repaired: true })\n' })
  expect(await call('syntaxError')).toMatchObject({
    status: 200,
    body: { result: { repaired: true } },
  })
})

/** GET /app/…: the static web app a project hands the local cloud (its web runner build). */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../local-cloud/src'

let cloud: LocalCloud
let dir: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-app-'))
  cloud = await startLocalCloud({ port: 0, dataDir: null, webAppDir: dir })
})
afterAll(async () => {
  await cloud.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

it('serves the folder at /app/, read when asked (built after the start)', async () => {
  fs.writeFileSync(path.join(dir, 'index.html'), '<p>app</p>')
  fs.mkdirSync(path.join(dir, 'files'))
  fs.writeFileSync(path.join(dir, 'files', 'a.css'), 'p{}')
  const index = await fetch(`${cloud.url}/app/`)
  expect(index.status).toBe(200)
  expect(index.headers.get('content-type')).toContain('text/html')
  expect(await index.text()).toBe('<p>app</p>')
  const css = await fetch(`${cloud.url}/app/files/a.css`)
  expect(css.headers.get('content-type')).toContain('text/css')
  const redirect = await fetch(`${cloud.url}/app?user=x`, { redirect: 'manual' })
  expect(redirect.status).toBe(302)
  expect(redirect.headers.get('location')).toBe('/app/?user=x')
})

it('never serves a file outside the folder', async () => {
  const escape = await fetch(`${cloud.url}/app/..%2f..%2fetc%2fpasswd`)
  expect(escape.status).toBe(404)
  expect((await fetch(`${cloud.url}/app/missing.js`)).status).toBe(404)
})

it('says so when no folder was given', async () => {
  const bare = await startLocalCloud({ port: 0, dataDir: null })
  try {
    const response = await fetch(`${bare.url}/app/`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: expect.stringContaining('webAppDir') })
  } finally {
    await bare.close()
  }
})

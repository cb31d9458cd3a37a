/**
 * A tiny stand-in for the local cloud's HTTP server, enough to drive the real wx-server-sdk
 * against the storage and openapi modules: `POST /admin` (JSON actions, or multipart for
 * wx.openApi), `PUT /__cos/*` and `GET /__files/*`. The real server (local-cloud/src/http) can
 * replace it in these tests.
 */
import * as http from 'node:http'
import { type AddressInfo } from 'node:net'
import { type OpenApi } from '../../../local-cloud/src/openapi'
import { TcbError } from '../../../local-cloud/src/protocol/tcbError'
import { type RawResponse, type RequestContext } from '../../../local-cloud/src/protocol/types'
import { type Storage } from '../../../local-cloud/src/storage'

export interface MiniAdminServer {
  /** e.g. `http://127.0.0.1:54321` */
  baseUrl: string
  /** What TCB_CONTEXT_CNFG.URL must be. */
  adminUrl: string
  close(): Promise<void>
}

let requestCount = 0

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

function send(response: http.ServerResponse, raw: RawResponse): void {
  response.writeHead(raw.status, raw.headers)
  response.end(raw.body)
}

/** CloudBase answers JSON with exactly this content-type; node-sdk relies on it for wx.openApi errors. */
function sendJson(response: http.ServerResponse, payload: unknown): void {
  send(response, {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(payload),
  })
}

async function admin(
  request: http.IncomingMessage,
  url: URL,
  baseUrl: string,
  modules: { storage: Storage; openApi: OpenApi },
): Promise<RawResponse | { json: unknown }> {
  const body = await readBody(request)
  const contentType = request.headers['content-type'] ?? ''
  const requestId = `mini-${++requestCount}`
  const context: RequestContext = {
    envName: url.searchParams.get('env') ?? 'default',
    requestId,
    baseUrl,
  }
  try {
    if (contentType.startsWith('multipart/form-data')) {
      return modules.openApi.handle(body, contentType, context)
    }
    const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>
    const action = String(json['action'])
    const handler = Object.hasOwn(modules.storage.actions, action)
      ? modules.storage.actions[action]
      : undefined
    if (!handler) throw new TcbError('INVALID_ACTION', `unknown action ${action}`)
    return { json: { requestId, data: await handler(json, context) } }
  } catch (error) {
    if (error instanceof TcbError)
      return { json: { code: error.code, message: error.message, requestId } }
    throw error
  }
}

export async function startMiniAdminServer(modules: {
  storage: Storage
  openApi: OpenApi
}): Promise<MiniAdminServer> {
  let baseUrl = ''
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', baseUrl)
    const rawPath = (request.url ?? '/').split('?')[0]!
    const handle = async (): Promise<void> => {
      if (request.method === 'POST' && url.pathname === '/admin') {
        const answer = await admin(request, url, baseUrl, modules)
        if ('json' in answer) sendJson(response, answer.json)
        else send(response, answer)
      } else if (request.method === 'PUT' && rawPath.startsWith('/__cos/')) {
        const body = await readBody(request)
        send(
          response,
          modules.storage.handleUpload(rawPath.slice('/__cos/'.length), request.headers, body),
        )
      } else if (request.method === 'GET' && rawPath.startsWith('/__files/')) {
        send(
          response,
          modules.storage.handleDownload((request.url ?? '').slice('/__files/'.length)),
        )
      } else {
        send(response, { status: 404, headers: {}, body: '' })
      }
    }
    handle().catch((error: unknown) => {
      send(response, {
        status: 500,
        headers: { 'content-type': 'text/plain' },
        body: String(error),
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`
  return {
    baseUrl,
    adminUrl: `${baseUrl}/admin`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

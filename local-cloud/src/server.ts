/** Routes the local cloud's HTTP requests. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { handleAdmin, type AdminEndpoint } from './http/adminEndpoint'
import { handleClientCall } from './http/clientCalls'
import { handleClientUpload, type ClientUpload } from './http/clientUpload'
import { sendHtml, sendJson, sendRaw } from './http/respond'
import { serveStatic } from './http/staticFiles'
import { PayloadTooLarge, readBody } from './http/body'
import { cosXmlError } from './storage/cosXmlError'
import type { FunctionRuntime } from './functions/runtime'
import type { RawResponse } from './protocol/types'
import type { DashboardData } from './dashboard/page'
import { renderDashboard } from './dashboard/page'

/** Room in a form upload's body for its fields and boundaries, besides the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024

export interface Routes {
  admin: AdminEndpoint
  runtime: FunctionRuntime
  appid: string
  upload(
    pathAfterCos: string,
    headers: Record<string, string | string[] | undefined>,
    body: Buffer,
  ): RawResponse
  /** The same upload as a multipart form (wx-server-sdk 2.x). */
  formUpload(pathAfterCos: string, contentType: string, body: Buffer): RawResponse
  download(pathAfterFiles: string): RawResponse
  /** A development build's photo upload (POST /uploadFile). */
  clientUpload: ClientUpload
  uploadLimit: number
  dashboard(collection: string | null, page: number): DashboardData
  /** A folder of static files served at /app/ (a web build of the app), if any. */
  webAppDir: string | null
}

export function createHttpServer(routes: Routes): Server {
  return createServer((request, response) => {
    route(request, response, routes).catch((error: unknown) => {
      console.error('[local-cloud] request failed', error)
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' })
      else response.destroy()
    })
  })
}

// Module-level functions only on this path: tsx names every closure it creates (keepNames), and
// a closure per request cost more than routing itself.
async function route(
  request: IncomingMessage,
  response: ServerResponse,
  routes: Routes,
): Promise<void> {
  const target = request.url ?? '/'
  // The SDK's calls are nearly all the traffic: they are routed without parsing a URL.
  if (request.method === 'POST' && (target === '/admin' || target.startsWith('/admin?')))
    return handleAdmin(request, response, target, routes.admin)
  const url = new URL(target, 'http://local')
  if (request.method === 'POST' && url.pathname === '/callFunction') {
    return handleClientCall(request, response, routes.runtime, routes.appid)
  }
  if (request.method === 'POST' && url.pathname === '/uploadFile') {
    return handleClientUpload(request, response, url, routes.uploadLimit, routes.clientUpload)
  }
  if (
    (request.method === 'PUT' || request.method === 'POST') &&
    url.pathname.startsWith('/__cos/')
  ) {
    const cloudPath = url.pathname.slice('/__cos/'.length)
    let body: Buffer
    try {
      // A form carries its fields and boundaries besides the file: a little room for them.
      body = await readBody(request, routes.uploadLimit + FORM_OVERHEAD_BYTES)
    } catch (error) {
      if (!(error instanceof PayloadTooLarge)) throw error
      return sendRaw(
        response,
        cosXmlError(
          400,
          'EntityTooLarge',
          'Your proposed upload exceeds the maximum allowed object size.',
          cloudPath,
        ),
      )
    }
    if (request.method === 'POST') {
      const contentType = request.headers['content-type'] ?? ''
      return sendRaw(response, routes.formUpload(cloudPath, contentType, body))
    }
    return sendRaw(response, routes.upload(cloudPath, request.headers, body))
  }
  if (request.method === 'GET' && url.pathname.startsWith('/__files/')) {
    return sendRaw(response, routes.download(url.pathname.slice('/__files/'.length)))
  }
  if (request.method === 'GET' && url.pathname === '/') {
    const page = Math.max(1, Number(url.searchParams.get('page')) || 1)
    return sendHtml(
      response,
      renderDashboard(routes.dashboard(url.searchParams.get('collection'), page)),
    )
  }
  if (request.method === 'GET' && (url.pathname === '/app' || url.pathname.startsWith('/app/'))) {
    if (!routes.webAppDir) {
      return sendJson(response, 404, {
        error: 'no web app: start the local cloud with webAppDir',
      })
    }
    if (url.pathname === '/app') {
      response.writeHead(302, { location: `/app/${url.search}` })
      return void response.end()
    }
    return sendRaw(response, serveStatic(routes.webAppDir, url.pathname.slice('/app/'.length)))
  }
  if (request.method === 'GET' && url.pathname === '/api/state') {
    return sendJson(response, 200, routes.dashboard(url.searchParams.get('collection'), 1))
  }
  sendJson(response, 404, { error: `no route for ${request.method} ${url.pathname}` })
}

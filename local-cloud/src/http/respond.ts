import type { ServerResponse } from 'node:http'
import type { RawResponse } from '../protocol/types'

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  response.end(text)
}

export function sendRaw(response: ServerResponse, raw: RawResponse): void {
  response.writeHead(raw.status, { ...raw.headers, 'content-length': Buffer.byteLength(raw.body) })
  response.end(raw.body)
}

export function sendHtml(response: ServerResponse, html: string): void {
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
  })
  response.end(html)
}

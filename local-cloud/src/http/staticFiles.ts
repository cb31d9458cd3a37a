/**
 * Serves a folder of static files under a path prefix (the web app a project builds, at /app/).
 * Files are read at request time, so the folder may be built after the server started.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { RawResponse } from '../protocol/types'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
}

/** `relative` is the request path after the prefix, still URL-encoded; '' or a folder → index.html. */
export function serveStatic(dir: string, relative: string): RawResponse {
  let decoded: string
  try {
    decoded = decodeURIComponent(relative)
  } catch {
    return notFound(relative)
  }
  const root = path.resolve(dir)
  let file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`)
  if (file !== root && !file.startsWith(root + path.sep)) return notFound(relative)
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html')
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return notFound(relative)
  return {
    status: 200,
    headers: {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      // A rebuilt app is picked up on the next load.
      'cache-control': 'no-cache',
    },
    body: fs.readFileSync(file),
  }
}

function notFound(relative: string): RawResponse {
  return {
    status: 404,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ error: `no file ${relative}` }),
  }
}

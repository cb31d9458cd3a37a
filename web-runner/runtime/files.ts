/**
 * Temporary files, as `wx.chooseMedia` and `wx.compressImage` hand them out (`wxfile://tmp/…`),
 * kept in memory with their bytes so that `readFileSync` can answer at once; and where an
 * `<image>` finds a picture: temporary files, cloud fileIDs (the local cloud serves them),
 * package files.
 */
import type { Router } from './router'

export interface TempFile {
  path: string
  bytes: ArrayBuffer
  type: string
  url: string
}

const files = new Map<string, TempFile>()
let counter = 0

export function addTempFile(bytes: ArrayBuffer, type: string, extension: string): TempFile {
  const path = `wxfile://tmp/${Date.now().toString(36)}${(counter++).toString(36)}.${extension}`
  const file = { path, bytes, type, url: URL.createObjectURL(new Blob([bytes], { type })) }
  files.set(path, file)
  return file
}

export function tempFile(path: string): TempFile | undefined {
  return files.get(path)
}

/** The URL a browser can load for a src an image or a download names. */
export function resolveSrc(src: string, fromRoute: string): string {
  if (!src) return ''
  const temp = files.get(src)
  if (temp) return temp.url
  // cloud://<env>.<bucket>/<path>: the local cloud serves stored files under /__files/.
  const cloud = /^cloud:\/\/[^/]+\/(.+)$/.exec(src)
  if (cloud)
    return `${cloudOrigin()}/__files/${cloud[1]!.split('/').map(encodeURIComponent).join('/')}`
  if (/^(https?:|data:|blob:)/.test(src) || src.startsWith('//')) return src
  // A file of the package, absolute or relative to the page.
  const base = fromRoute.slice(0, fromRoute.lastIndexOf('/'))
  const path = src.startsWith('/') ? src.slice(1) : `${base}/${src}`
  return `files/${path
    .split('/')
    .filter((part) => part && part !== '.')
    .join('/')}`
}

/** A src as the page on top names it (a relative path is the page's own file). */
export function resolveFromTop(src: string, router: Pick<Router, 'top'>): string {
  return resolveSrc(src, router.top?.route ?? '')
}

/** The local cloud that serves the runner (the runner lives at its /app/). */
export function cloudOrigin(): string {
  return window.location.origin
}

export function extensionOf(type: string, name = ''): string {
  const fromName = /\.([a-z0-9]+)$/i.exec(name)?.[1]
  if (fromName) return fromName.toLowerCase()
  return type.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin'
}

/**
 * wx network: request, downloadFile and uploadFile with fetch. Each answers a task object at
 * once and its outcome through the callbacks, as in WeChat.
 */
import { ApiFail, asyncApi } from '../api'
import { addTempFile, extensionOf, tempFile } from '../files'
import type { Dict } from '../types'

/** Runs a network call for its callbacks only (it has already answered its task object). */
function runForCallbacks(name: string, o: Dict, run: () => Promise<Dict>): void {
  void asyncApi(name, run)({ success: o['success'], fail: o['fail'], complete: o['complete'] })
}

/** Fetches `url` into a temporary file, as wx.downloadFile and wx.cloud.downloadFile hand out. */
export async function download(url: string): Promise<Dict> {
  const response = await fetch(url)
  const bytes = await response.arrayBuffer()
  const type = response.headers.get('content-type') ?? 'application/octet-stream'
  const temp = addTempFile(
    bytes,
    type,
    extensionOf(type, new URL(url, window.location.href).pathname),
  )
  return { tempFilePath: temp.path, statusCode: response.status }
}

export function networkApis(): Dict {
  return {
    request: (o: Dict) => {
      const controller = new AbortController()
      runForCallbacks('request', o, () => request(o, controller))
      return {
        abort: () => controller.abort(),
        onHeadersReceived: () => undefined,
        offHeadersReceived: () => undefined,
      }
    },
    downloadFile: (o: Dict) => {
      runForCallbacks('downloadFile', o, () => download(String(o['url'])))
      return { abort: () => undefined, onProgressUpdate: () => undefined }
    },
    uploadFile: (o: Dict) => {
      runForCallbacks('uploadFile', o, () => upload(o))
      return { abort: () => undefined, onProgressUpdate: () => undefined }
    },
  }
}

async function request(o: Dict, controller: AbortController): Promise<Dict> {
  const method = String(o['method'] ?? 'GET').toUpperCase()
  const headers = new Headers((o['header'] as Record<string, string>) ?? {})
  let url = String(o['url'])
  let body: BodyInit | undefined
  const data = o['data']
  // As in WeChat: a GET's data is the query; otherwise the body, JSON unless told otherwise.
  if (method === 'GET' && data && typeof data === 'object') {
    const search = new URLSearchParams(data as Record<string, string>).toString()
    if (search) url += (url.includes('?') ? '&' : '?') + search
  } else if (data instanceof ArrayBuffer) body = data
  else if (data !== undefined && data !== null) {
    const type = headers.get('content-type') ?? 'application/json'
    if (!headers.has('content-type')) headers.set('content-type', type)
    body =
      typeof data === 'string'
        ? data
        : type.includes('x-www-form-urlencoded')
          ? new URLSearchParams(data as Record<string, string>).toString()
          : JSON.stringify(data)
  }
  const timeout = Number(o['timeout'] ?? 60_000)
  const timer = setTimeout(() => controller.abort(), timeout)
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body ?? null,
      signal: controller.signal,
    })
  } catch (error) {
    throw new ApiFail(controller.signal.aborted ? 'abort' : (error as Error).message)
  } finally {
    clearTimeout(timer)
  }
  const header: Record<string, string> = {}
  response.headers.forEach((value, key) => (header[key] = value))
  let result: unknown
  if (o['responseType'] === 'arraybuffer') result = await response.arrayBuffer()
  else {
    const text = await response.text()
    result = text
    if ((o['dataType'] ?? 'json') === 'json') {
      try {
        result = JSON.parse(text)
      } catch {
        result = text
      }
    }
  }
  return { data: result, statusCode: response.status, header }
}

async function upload(o: Dict): Promise<Dict> {
  const file = tempFile(String(o['filePath']))
  if (!file) throw new ApiFail(`no such file ${String(o['filePath'])}`)
  const form = new FormData()
  for (const [key, value] of Object.entries((o['formData'] as Dict) ?? {}))
    form.append(key, String(value))
  form.append(
    String(o['name'] ?? 'file'),
    new Blob([file.bytes], { type: file.type }),
    file.path.split('/').pop(),
  )
  const response = await fetch(String(o['url']), {
    method: 'POST',
    headers: (o['header'] as Record<string, string>) ?? {},
    body: form,
  })
  return { data: await response.text(), statusCode: response.status }
}

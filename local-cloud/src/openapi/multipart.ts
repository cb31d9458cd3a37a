/**
 * A small multipart/form-data parser over the raw body. Written here rather than taken from a
 * library because `requestData` is a binary part without a filename, which general parsers turn
 * into a (corrupted) UTF-8 string (local-cloud/PROTOCOL.md「Openapi: The multipart request」).
 * Every part stays a Buffer.
 */

export interface MultipartPart {
  name: string
  filename?: string
  contentType?: string
  data: Buffer
}

/** The boundary of a `multipart/form-data; boundary=…` content-type, or null. */
export function multipartBoundary(contentType: string): string | null {
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType.trim())) return null
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  return match ? (match[1] ?? match[2] ?? null) : null
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) {
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
    }
  }
  return headers
}

function dispositionParam(disposition: string, param: string): string | undefined {
  const match = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition)
  return match ? match[1]!.replace(/\\(.)/g, '$1') : undefined
}

/** The parts of `body`, in order. Throws an Error when the body is not well-formed multipart. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: MultipartPart[] = []
  let position = body.indexOf(delimiter)
  if (position < 0) throw new Error('multipart body without its boundary')
  for (;;) {
    position += delimiter.length
    // `--boundary--` closes the body.
    if (body.subarray(position, position + 2).toString('latin1') === '--') return parts
    if (body.subarray(position, position + 2).toString('latin1') !== '\r\n') {
      throw new Error('malformed multipart boundary line')
    }
    position += 2
    const headersEnd = body.indexOf('\r\n\r\n', position)
    if (headersEnd < 0) throw new Error('multipart part without the end of its headers')
    // Header values are ASCII in practice; latin1 keeps any other byte from breaking the parse.
    const headers = parseHeaders(body.subarray(position, headersEnd).toString('latin1'))
    const dataStart = headersEnd + 4
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), dataStart)
    if (next < 0) throw new Error('multipart part without a closing boundary')

    const disposition = headers.get('content-disposition') ?? ''
    const name = dispositionParam(disposition, 'name')
    if (name === undefined) throw new Error('multipart part without a name')
    const filename = dispositionParam(disposition, 'filename')
    const contentType = headers.get('content-type')
    parts.push({
      // Names of CloudBase's fields are ASCII; decode as UTF-8 for anything else.
      name: Buffer.from(name, 'latin1').toString('utf8'),
      ...(filename !== undefined && { filename: Buffer.from(filename, 'latin1').toString('utf8') }),
      ...(contentType !== undefined && { contentType }),
      data: body.subarray(dataStart, next),
    })
    position = next + 2
  }
}

import type { IncomingMessage } from 'node:http'

export class PayloadTooLarge extends Error {}

/**
 * Reads a whole request body. Past `limit` bytes it stops keeping the bytes but still reads to
 * the end, so that the client gets a proper "too large" answer instead of a reset connection.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
      else chunks.length = 0
    })
    request.on('end', () => {
      if (size > limit) reject(new PayloadTooLarge(`payload larger than ${limit} bytes`))
      else resolve(Buffer.concat(chunks))
    })
    request.on('error', reject)
  })
}

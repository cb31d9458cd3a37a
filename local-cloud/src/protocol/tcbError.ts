/**
 * A failure answered the way CloudBase answers it: HTTP 200 with `{ code, message, requestId }`.
 * node-sdk throws on any truthy `code`, and wx-server-sdk maps known codes to errCodes
 * (local-cloud/PROTOCOL.md「Transport: Error codes」).
 */
export class TcbError extends Error {
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.name = 'TcbError'
    this.code = code
  }
}

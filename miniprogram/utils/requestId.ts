/** A client request id: a create sent twice (double tap, retry) is done once by the server. */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 10)
  return `r${Date.now().toString(36)}${random}`.slice(0, 32)
}

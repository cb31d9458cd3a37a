/** What every protocol handler is given about the request it serves. */
export interface RequestContext {
  /** `?env=` / `envName` of the request. */
  envName: string
  /** Echoed back as `requestId`. */
  requestId: string
  /** e.g. `http://127.0.0.1:8910`: where minted URLs (uploads, downloads) point. */
  baseUrl: string
}

/** A response written as it is (uploads, downloads, protobuf). */
export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: Buffer | string
}

/** A JSON action of the admin endpoint: answers the `data` of a success, or throws a TcbError. */
export type ActionHandler = (
  body: Record<string, unknown>,
  context: RequestContext,
) => unknown | Promise<unknown>

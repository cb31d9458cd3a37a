/** Function `health`: a liveness check that exercises the whole call path. */
export interface HealthActions {
  ping: {
    input: Record<string, never>
    output: PingResult
  }
}

export interface PingResult {
  /** The caller's openid as the server sees it; null when called without a WeChat user (timers). */
  openid: string | null
  /** Server time, ISO 8601 in UTC. */
  serverTime: string
  /** The same instant shown in Asia/Shanghai, e.g. 2026-11-26 14:20:51. */
  serverTimeShanghai: string
}

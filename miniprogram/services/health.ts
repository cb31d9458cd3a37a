import type { PingResult } from '../../typings'
import { callCloud } from './cloud'

export function ping(): Promise<PingResult> {
  return callCloud('health', 'ping', {})
}

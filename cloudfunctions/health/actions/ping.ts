import { defineAction } from '../../shared/router'
import { formatShanghai } from '../../shared/time'
import { input } from '../../shared/validation'
import type { PingResult } from '../../../typings/health'

/** Answers who the server thinks is calling and what time it is: the whole call path, end to end. */
export const ping = defineAction({
  caller: 'any',
  input: input({}),
  async run(_input, context): Promise<PingResult> {
    const now = context.now()
    return {
      openid: context.openid,
      serverTime: now.toISOString(),
      serverTimeShanghai: formatShanghai(now),
    }
  },
})

/**
 * A function's router run inside the test process against a local cloud, with the clock and the
 * caller under the test's control: how timers and time-dependent rules are tested.
 */
import type { Cloud, Database } from '../../../cloudfunctions/shared/cloud'
import type { WxServerSdk } from '../../local-cloud/support/wxServerSdk'

export interface Controls {
  /** The openid of the next call; null as for a timer. */
  caller: string | null
  now: Date
}

export function inProcessCloud(sdk: WxServerSdk, controls: Controls): Cloud {
  return {
    database: () => sdk.database({ throwOnNotFound: false } as never) as unknown as Database,
    wxContext: () => ({ ...(controls.caller ? { OPENID: controls.caller } : {}), ENV: 'local' }),
    sdk,
  }
}

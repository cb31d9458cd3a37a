/**
 * The web runner for this app (web-runner/): a built mini-program made runnable in a browser,
 * with the demo users in its switcher, grouped by role. Served by the local cloud at /app/.
 */
import * as path from 'node:path'
import { buildWebRunner, type WebRunnerBuild } from '../../web-runner/build'
import { DEV_USER_STORAGE_KEY } from '../../miniprogram/utils/devUserKey'
import { DEMO_USERS } from '../demo/users'
import { DIST, MINIPROGRAM_DIST } from './paths'

export const WEB_APP_DIST = path.join(DIST, 'web')

export function webRunnerUsers() {
  return DEMO_USERS.map((user) => {
    const [role = '', ...rest] = user.label.split(' · ')
    return { openid: user.openid, name: user.displayName, role, detail: rest.join(' · ') }
  })
}

export function buildWebApp(
  miniprogramDir: string = MINIPROGRAM_DIST,
  outDir: string = WEB_APP_DIST,
): Promise<WebRunnerBuild> {
  return buildWebRunner({
    miniprogramDir,
    outDir,
    users: webRunnerUsers(),
    identityStorageKey: DEV_USER_STORAGE_KEY,
    title: '近邻 · 网页运行器',
  })
}

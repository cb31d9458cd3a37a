/**
 * The development mini-program: its calls sent to the local cloud at `url`, the demo users in its
 * switcher, and Vant packed beside it (build:dev and the end-to-end tests).
 */
import { DEMO_USERS } from '../demo/users'
import { buildMiniprogram } from './miniprogram'
import { packMiniprogramNpm } from './miniprogramNpm'

export async function buildDevMiniprogram(url: string, outDir: string): Promise<void> {
  await buildMiniprogram(
    { url, demoUsers: DEMO_USERS.map(({ openid, label }) => ({ openid, label })) },
    outDir,
  )
  packMiniprogramNpm(outDir)
}

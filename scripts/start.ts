/**
 * `npm start`: builds a development version of the mini-program pointed at the local cloud,
 * starts the local cloud with the project's collections and functions, seeds the demo into an
 * empty store, and says how to look at it.
 */
import * as path from 'node:path'
import { startLocalCloud } from '../local-cloud/src'
import { build } from './build'
import { buildWebApp, WEB_APP_DIST } from './build/webApp'
import { DEMO_USERS } from './demo/users'
import { localFunctionEnv } from './localCloud/functionEnv'
import { seedDemoIfEmpty } from './localCloud/seedDemo'
import { LOCAL_DATA_DIR, ROOT } from './build/paths'

async function main(): Promise<void> {
  const port = Number(process.env['PORT'] ?? 8910)
  const url = `http://127.0.0.1:${port}`
  await build({ url, demoUsers: DEMO_USERS.map(({ openid, label }) => ({ openid, label })) })
  const web = await buildWebApp()
  console.log(
    `  web runner: ${web.pages.length} pages, ${(web.bytes / 1024).toFixed(0)} KB → dist/web/`,
  )
  const cloud = await startLocalCloud({
    port,
    dataDir: LOCAL_DATA_DIR,
    schemaDir: path.join(ROOT, 'database'),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions'),
    env: localFunctionEnv(),
    webAppDir: WEB_APP_DIST,
  })
  process.on('unhandledRejection', (reason) => console.warn('[start] unhandled rejection', reason))
  const seeded = await seedDemoIfEmpty(cloud)
  console.log(`
近邻 · 本地云已启动：${cloud.url}
  在浏览器里用小程序：${cloud.url}/app/  （真实页面，右侧选择演示用户；?user=<openid> 指定身份）
  数据：${path.relative(ROOT, LOCAL_DATA_DIR)}/ ${seeded ? '（已写入演示数据）' : '（沿用已有数据；npm run reset 可清空）'}
  查看数据、订阅消息、文件与调用记录：在浏览器打开 ${cloud.url}/
  调用云函数：POST ${cloud.url}/callFunction  头 X-WX-OPENID: <演示用户>  体 {"name":"health","data":{"action":"ping"}}

用微信开发者工具打开：导入本仓库根目录（小程序在 dist/miniprogram）。这是开发构建：云函数调用经 wx.request
发往本地云（project.config.json 已设“不校验合法域名”）；在“我的 → 开发：切换演示用户”里选择身份。

演示用户：
${DEMO_USERS.map((u) => `  ${u.openid.padEnd(22)} ${u.displayName}  ${u.label}`).join('\n')}

按 Ctrl+C 停止。`)
  const stop = (): void => void cloud.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

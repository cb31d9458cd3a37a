/**
 * The end-to-end tests drive Debian's Chromium with CJK fonts (never a downloaded browser). On a
 * fresh machine `npm test` installs them itself when it can (root with apt-get), so the README's
 * second command is all a newcomer runs; otherwise it says what to install.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** Installed, not merely known to dpkg (a removed package keeps its status and config files). */
function installed(pkg: string): boolean {
  try {
    const status = execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' })
    return status.trim() === 'install ok installed'
  } catch {
    return false
  }
}

const missing = [
  ...(fs.existsSync(chromium) ? [] : ['chromium']),
  ...(installed('fonts-noto-cjk') ? [] : ['fonts-noto-cjk']),
]

if (missing.length === 0) process.exit(0)
const root = process.getuid?.() === 0
const apt = fs.existsSync('/usr/bin/apt-get')
if (!root || !apt) {
  console.error(
    `端到端测试需要 Debian 的 Chromium 和中文字体：请先运行 sudo apt-get install -y ${missing.join(' ')}` +
      '（或用 CHROMIUM_PATH 指向已有的 Chromium）',
  )
  process.exit(1)
}
console.log(`installing ${missing.join(', ')} for the end-to-end tests (apt-get)…`)
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
execFileSync('apt-get', ['update'], { stdio: 'inherit', env })
execFileSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env })

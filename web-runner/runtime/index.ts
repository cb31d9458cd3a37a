/**
 * The web runner: boots the mini-program's real code in the browser (app.js, then the first
 * page), draws the phone, and beside it a panel to switch users and see what went wrong.
 */
import { h, clear } from './dom'
import { dispatchFromDom, initEngine } from './engine'
import { registerBuiltins } from './builtins'
import { Identity } from './identity'
import { requireModule } from './modules'
import { Phone } from './phone'
import { Router } from './router'
import type { Dict } from './types'
import type { Runtime } from './runtime'
import { createWx } from './wx'

const manifest = window.__wxManifest
window.__wxRpxRatio = manifest.screen.width / 750
const identity = new Identity(manifest.users)
const problems: string[] = []
const reported = new Set<string>()
const globals = globalThis as unknown as Dict

// ---- the panel beside the phone -------------------------------------------------------------------
const panelUsers = h('div', { class: 'jl-users' })
const panelPath = h('code', { class: 'jl-current-path' })
const panelProblems = h('ul', { class: 'jl-panel-problems' })
const openInput = h('input', { class: 'jl-open-input', placeholder: '/pages/…/index?…' })

function report(error: unknown, where: string): void {
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error && 'errMsg' in error
        ? String((error as Dict)['errMsg'])
        : String(error)
  console.error(`[web runner] ${where}`, error)
  addProblem(`${where}: ${message}`)
}

function addProblem(text: string): void {
  problems.push(text)
  phone.problem(text)
  panelProblems.append(h('li', {}, text))
}

const rt: Runtime = {
  manifest,
  identity,
  knownCodes: [],
  get phone() {
    return phone
  },
  get router() {
    return router
  },
  unsupported(name: string) {
    const text = `网页运行器没有 ${name}`
    console.error(`[web runner] the app used ${name}, which the runner does not have`)
    if (reported.has(name)) {
      phone.problem(text)
      return
    }
    reported.add(name)
    addProblem(text)
  },
  share(from, target) {
    share(from, target)
  },
  identityChanged(openid: string) {
    chooseUser(openid, false)
  },
}

const phone = new Phone(manifest.app, manifest.screen, {
  back: () => router.navigateBack(1),
  home: () => router.reLaunch(`/${router.homeRoute}`),
  menu: () => void capsuleMenu(),
  tab: (path) => router.switchTab(`/${path}`),
})
const router = new Router(manifest, phone, report)

initEngine(manifest)
globals['wx'] = createWx(rt)
registerBuiltins(rt)

let app: Dict = {}
globals['App'] = (options: Dict) => {
  app = options
}
globals['getApp'] = () => app
globals['getCurrentPages'] = () => router.pages.map((page) => page.handle.instance)
window.addEventListener('error', (event) => report(event.error ?? event.message, 'uncaught error'))
window.addEventListener('unhandledrejection', (event) =>
  report(event.reason, 'unhandled rejection'),
)

function currentUrl(): string {
  const top = router.top
  if (!top) return `/${router.homeRoute}`
  const query = Object.entries(top.query)
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  return `/${top.route}${query ? `?${query}` : ''}`
}

/** The storage key the app reads for its identity (a development build's switcher) follows the runner. */
function syncIdentityKey(): void {
  if (manifest.identityStorageKey) identity.store(manifest.identityStorageKey, identity.openid)
}

function chooseUser(openid: string, relaunch: boolean): void {
  identity.choose(openid)
  syncIdentityKey()
  renderUsers()
  if (relaunch) router.reLaunch(currentUrl())
}

function renderUsers(): void {
  clear(panelUsers)
  const groups = new Map<string, typeof manifest.users>()
  for (const user of manifest.users) {
    const list = groups.get(user.role) ?? []
    list.push(user)
    groups.set(user.role, list)
  }
  for (const [role, users] of groups) {
    panelUsers.append(
      h('div', { class: 'jl-user-role' }, role),
      ...users.map((user) =>
        h(
          'button',
          {
            class: `jl-user${user.openid === identity.openid ? ' jl-user-current' : ''}`,
            'data-openid': user.openid,
            onclick: () => chooseUser(user.openid, true),
          },
          h('span', { class: 'jl-user-name' }, user.name),
          h('span', { class: 'jl-user-detail' }, user.detail),
        ),
      ),
    )
  }
  if (manifest.users.length === 0)
    panelUsers.append(h('div', { class: 'jl-muted' }, `当前用户：${identity.openid}`))
}

// ---- share, scan and the capsule menu ------------------------------------------------------------

function share(from: 'menu' | 'button', target?: Dict): void {
  const top = router.top
  if (!top) return
  const handler = top.handle.instance['onShareAppMessage']
  if (typeof handler !== 'function') {
    phone.toast({ title: '当前页面未设置分享', icon: 'none', duration: 1500, mask: false })
    return
  }
  let card: Dict = {}
  try {
    card =
      (router.call(top, 'onShareAppMessage', { from, target, webViewUrl: '' }) as
        Dict | undefined) ?? {}
  } catch (error) {
    report(error, `${top.route} onShareAppMessage`)
  }
  const title = String(
    card['title'] ?? phone.root.querySelector('.jl-nav-title')?.textContent ?? '',
  )
  const path = String(card['path'] ?? currentUrl())
  const absolute = path.startsWith('/') ? path : `/${path}`
  if (!rt.knownCodes.includes(absolute)) rt.knownCodes.push(absolute)
  const select = h('select', { class: 'jl-share-user' })
  for (const user of manifest.users) {
    select.append(
      h(
        'option',
        { value: user.openid, ...(user.openid === identity.openid ? { selected: true } : {}) },
        `${user.role} · ${user.name}`,
      ),
    )
  }
  const link = (): string => {
    const url = new URL(window.location.href)
    url.searchParams.set('user', select.value)
    url.hash = absolute
    return url.toString()
  }
  const newTab = h(
    'a',
    { class: 'jl-share-newtab', target: '_blank', href: link() },
    '在新标签页打开',
  )
  select.addEventListener('change', () => newTab.setAttribute('href', link()))
  const sheet = phone.sheet(
    [
      h(
        'div',
        { class: 'jl-share-card' },
        h('div', { class: 'jl-share-app' }, document.title.split(' · ')[0] ? manifestTitle() : ''),
        h('div', { class: 'jl-share-title' }, title),
        card['imageUrl']
          ? h('img', { class: 'jl-share-image', src: String(card['imageUrl']), alt: '' })
          : h('div', { class: 'jl-share-image jl-share-placeholder' }, title.slice(0, 12)),
        h('div', { class: 'jl-share-foot' }, '小程序'),
      ),
      h('code', { class: 'jl-share-path' }, absolute),
      h('div', { class: 'jl-share-open' }, h('span', {}, '让谁打开：'), select),
      h(
        'button',
        {
          class: 'jl-sheet-item jl-share-open-button',
          onclick: () => {
            sheet.close()
            chooseUser(select.value, false)
            openUrl(absolute)
          },
        },
        '以此身份打开这张卡片',
      ),
      newTab,
    ],
    { title: '转发给朋友（网页运行器）', className: 'jl-share-sheet' },
  )
}

function manifestTitle(): string {
  return String(manifest.app.window?.navigationBarTitleText ?? '小程序')
}

async function capsuleMenu(): Promise<void> {
  const top = router.top
  const items: Array<[string, () => void]> = []
  if (top && typeof top.handle.instance['onShareAppMessage'] === 'function')
    items.push(['转发给朋友', () => share('menu')])
  if (router.pullDownEnabled()) items.push(['下拉刷新', () => void router.startPullDownRefresh()])
  items.push(['重新进入小程序', () => router.reLaunch(currentUrl())])
  items.push([
    '复制页面路径',
    () => void navigator.clipboard?.writeText(currentUrl()).catch(() => undefined),
  ])
  const index = await phone.actionSheet(
    items.map(([label]) => label),
    '#000000',
    '',
  )
  if (index !== null) items[index]![1]()
}

function openUrl(url: string): void {
  try {
    router.reLaunch(url)
  } catch (error) {
    report(error, `open ${url}`)
  }
}

// ---- taps from a mouse ------------------------------------------------------------------------------
// j-component makes `tap` from touches only; a click becomes a tap on the element clicked.
let lastTouch = 0
const pagesArea = phone.root.querySelector('.jl-pages') as HTMLElement
pagesArea.addEventListener('touchend', () => (lastTouch = Date.now()), true)
pagesArea.addEventListener(
  'click',
  (event) => {
    if (Date.now() - lastTouch < 800) return
    const target = event.target as Element
    if (target.closest('wx-button[disabled]')) return
    const page = router.top
    const origin = page?.frame.scroller.getBoundingClientRect()
    const x = event.clientX - (origin?.left ?? 0)
    const y = event.clientY - (origin?.top ?? 0) + (page?.frame.scroller.scrollTop ?? 0)
    dispatchFromDom(target, 'tap', { x, y }, event)
  },
  true,
)

// ---- boot -------------------------------------------------------------------------------------------

function layout(): void {
  const panel = h(
    'aside',
    { class: 'jl-panel' },
    h('h1', {}, `${manifestTitle()} · 网页运行器`),
    h(
      'p',
      { class: 'jl-muted' },
      '真实的页面、组件与云函数（本地云）。选择一位用户，就像拿起他的手机。',
    ),
    h('h2', {}, '用户'),
    panelUsers,
    h('h2', {}, '当前页面'),
    panelPath,
    h(
      'form',
      {
        class: 'jl-open',
        onsubmit: (event: Event) => {
          event.preventDefault()
          if (openInput.value.trim()) openUrl(openInput.value.trim())
        },
      },
      openInput,
      h('button', { type: 'submit' }, '打开'),
    ),
    h('h2', {}, '问题'),
    h(
      'p',
      { class: 'jl-muted' },
      '小程序用到网页运行器没有的接口、或页面出错时，列在这里，也显示在手机上。',
    ),
    panelProblems,
  )
  const runner = document.getElementById('runner')!
  runner.append(h('div', { class: 'jl-stage' }, phone.root), panel)
}

function boot(): void {
  layout()
  syncIdentityKey()
  renderUsers()
  router.onChange = () => {
    const url = currentUrl()
    panelPath.textContent = url
    const location = new URL(window.location.href)
    location.hash = url
    window.history.replaceState(null, '', location)
  }
  try {
    requireModule('app.js')
  } catch (error) {
    report(error, 'app.js')
  }
  const start = decodeURI(window.location.hash.slice(1)) || `/${router.homeRoute}`
  const launch = {
    path: start.split('?')[0]!.replace(/^\//, ''),
    query: {},
    scene: 1001,
    referrerInfo: {},
  }
  for (const hook of ['onLaunch', 'onShow'] as const) {
    try {
      ;(app[hook] as ((o: Dict) => void) | undefined)?.call(app, launch)
    } catch (error) {
      report(error, `App ${hook}`)
    }
  }
  try {
    router.reLaunch(start)
  } catch (error) {
    report(error, `open ${start}`)
    router.reLaunch(`/${router.homeRoute}`)
  }
  window.addEventListener('hashchange', () => {
    const url = decodeURI(window.location.hash.slice(1))
    if (url && url !== currentUrl()) openUrl(url)
  })
  ;(window as unknown as Dict)['__webRunner'] = { router, identity, problems, chooseUser, openUrl }
}

boot()

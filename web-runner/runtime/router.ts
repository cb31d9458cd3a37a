/**
 * The page stack: navigateTo, redirectTo, navigateBack, switchTab, reLaunch, with the page
 * lifecycle (onLoad with the query, onShow, onReady, onHide, onUnload, onReachBottom,
 * onPullDownRefresh, onPageScroll) and the navigation bar and tab bar of the page on top.
 */
import {
  attachPage,
  createPage,
  detachPage,
  triggerPageLifetime,
  triggerReady,
  type PageHandle,
} from './engine'
import { resolvePath } from './modules'
import type { PageFrame, Phone } from './phone'
import type { Manifest, PageJson } from './types'

export interface PageRecord {
  route: string
  query: Record<string, string>
  handle: PageHandle
  frame: PageFrame
  json: PageJson
  isTab: boolean
  title: string | null
  navColors: { background: string; textStyle: 'white' | 'black' } | null
  navLoading: boolean
  refreshing: boolean
  reachedBottom: boolean
}

export class RouteError extends Error {}

const MAX_STACK = 10

export class Router {
  private stack: PageRecord[] = []
  private tabPages = new Map<string, PageRecord>()
  /** Told after every change of the page on top (the runner keeps the URL in step). */
  onChange: (top: PageRecord | null) => void = () => undefined

  constructor(
    private readonly manifest: Manifest,
    private readonly phone: Phone,
    private readonly report: (error: unknown, where: string) => void,
  ) {}

  get pages(): PageRecord[] {
    return [...this.stack]
  }

  get top(): PageRecord | null {
    return this.stack[this.stack.length - 1] ?? null
  }

  /** The first tab, else the first page: where the app opens and "home" leads. */
  get homeRoute(): string {
    return this.manifest.app.tabBar?.list[0]?.pagePath ?? this.manifest.pages[0]!
  }

  isTabRoute(route: string): boolean {
    return !!this.manifest.app.tabBar?.list.some((item) => item.pagePath === route)
  }

  /** `/pages/x/index?a=1` (or relative to the page on top) → route and query. */
  parse(url: string): { route: string; query: Record<string, string> } {
    const [pathPart = '', queryPart = ''] = url.split('?', 2)
    const route = resolvePath(this.top?.route ?? '', pathPart).replace(/\.html$/, '')
    const query: Record<string, string> = {}
    for (const pair of queryPart.split('&')) {
      if (!pair) continue
      const index = pair.indexOf('=')
      // Values reach onLoad as written in the url, as in WeChat (no decoding).
      if (index < 0) query[pair] = ''
      else query[pair.slice(0, index)] = pair.slice(index + 1)
    }
    if (!this.manifest.pages.includes(route)) throw new RouteError(`page "${route}" is not found`)
    return { route, query }
  }

  navigateTo(url: string): void {
    const { route, query } = this.parse(url)
    if (this.isTabRoute(route)) throw new RouteError('can not navigateTo a tabbar page')
    if (this.stack.length >= MAX_STACK) throw new RouteError('webview count limit exceed')
    this.hideTop()
    this.open(route, query)
  }

  redirectTo(url: string): void {
    const { route, query } = this.parse(url)
    if (this.isTabRoute(route)) throw new RouteError('can not redirectTo a tabbar page')
    const top = this.stack.pop()
    if (top) this.unload(top)
    this.open(route, query)
  }

  navigateBack(delta = 1): void {
    if (this.stack.length <= 1) return
    const steps = Math.min(Math.max(1, delta), this.stack.length - 1)
    for (let i = 0; i < steps; i++) this.unload(this.stack.pop()!)
    this.showTop()
  }

  switchTab(url: string): void {
    const { route } = this.parse(url)
    if (!this.isTabRoute(route))
      throw new RouteError('can not switchTab to a page that is not a tabbar page')
    const top = this.top
    if (top?.route === route && this.stack.length === 1) return
    // Every page above the tab pages closes; the tab page stays alive.
    while (this.stack.length > 0) {
      const page = this.stack.pop()!
      if (page.isTab) this.hide(page)
      else this.unload(page)
    }
    const kept = this.tabPages.get(route)
    if (kept) {
      this.stack.push(kept)
      this.showTop()
    } else this.open(route, {})
  }

  reLaunch(url: string): void {
    const { route, query } = this.parse(url)
    while (this.stack.length > 0) this.unload(this.stack.pop()!)
    for (const page of this.tabPages.values()) this.unload(page)
    this.tabPages.clear()
    this.open(route, query)
  }

  /** The page records whose instance is this (for share and getCurrentPages). */
  recordOf(instance: unknown): PageRecord | undefined {
    return this.stack.find((page) => page.handle.instance === instance)
  }

  setTitle(title: string): void {
    const top = this.top
    if (!top) return
    top.title = title
    this.paintNavigation()
  }

  setNavColors(colors: { background: string; textStyle: 'white' | 'black' }): void {
    const top = this.top
    if (!top) return
    top.navColors = colors
    this.paintNavigation()
  }

  setNavLoading(loading: boolean): void {
    const top = this.top
    if (!top) return
    top.navLoading = loading
    this.paintNavigation()
  }

  startPullDownRefresh(): boolean {
    const top = this.top
    if (!top || top.refreshing) return false
    top.refreshing = true
    top.frame.refresh.hidden = false
    top.frame.scroller.scrollTop = 0
    this.call(top, 'onPullDownRefresh')
    // WeChat closes the indicator by itself after a while.
    window.setTimeout(() => this.stopPullDownRefresh(top), 3000)
    return true
  }

  stopPullDownRefresh(page: PageRecord | null = this.top): void {
    if (!page) return
    page.refreshing = false
    page.frame.refresh.hidden = true
  }

  pullDownEnabled(page: PageRecord | null = this.top): boolean {
    if (!page) return false
    return (
      page.json.enablePullDownRefresh ?? this.manifest.app.window?.enablePullDownRefresh ?? false
    )
  }

  pageScrollTo(scrollTop: number, duration: number): void {
    this.top?.frame.scroller.scrollTo({
      top: scrollTop,
      behavior: duration > 0 ? 'smooth' : 'auto',
    })
  }

  // ---- internals -----------------------------------------------------------------------------

  private open(route: string, query: Record<string, string>): void {
    const info = this.manifest.components[route]!
    const json = info.json
    const frame = this.phone.newPageFrame()
    const isTab = this.isTabRoute(route)
    frame.page.setAttribute('route-tag', info.tag)
    const handle = createPage(route)
    const record: PageRecord = {
      route,
      query,
      handle,
      frame,
      json,
      isTab,
      title: null,
      navColors: null,
      navLoading: false,
      refreshing: false,
      reachedBottom: false,
    }
    const instance = handle.instance
    instance['route'] = route
    instance['__route__'] = route
    instance['options'] = { ...query }
    this.stack.push(record)
    if (isTab) this.tabPages.set(route, record)
    this.watchScroll(record)
    this.paint()
    try {
      attachPage(handle, frame.page)
    } catch (error) {
      this.report(error, `${route} attached`)
    }
    this.call(record, 'onLoad', { ...query })
    this.call(record, 'onShow')
    triggerPageLifetime(handle, 'show')
    try {
      triggerReady(handle)
    } catch (error) {
      this.report(error, `${route} ready`)
    }
    this.call(record, 'onReady')
    this.onChange(record)
  }

  private hideTop(): void {
    const top = this.top
    if (top) this.hide(top)
  }

  private hide(page: PageRecord): void {
    page.frame.frame.classList.remove('jl-page-visible')
    this.call(page, 'onHide')
    triggerPageLifetime(page.handle, 'hide')
  }

  private showTop(): void {
    const top = this.top
    if (!top) return
    this.paint()
    this.call(top, 'onShow')
    triggerPageLifetime(top.handle, 'show')
    this.onChange(top)
  }

  private unload(page: PageRecord): void {
    if (page.frame.frame.classList.contains('jl-page-visible')) this.call(page, 'onHide')
    this.call(page, 'onUnload')
    try {
      detachPage(page.handle)
    } catch (error) {
      this.report(error, `${page.route} detached`)
    }
    page.frame.frame.remove()
    if (this.tabPages.get(page.route) === page) this.tabPages.delete(page.route)
  }

  /** Shows the page on top, with its navigation bar and tab bar. */
  private paint(): void {
    const top = this.top
    for (const page of this.stack)
      page.frame.frame.classList.toggle('jl-page-visible', page === top)
    for (const page of this.tabPages.values()) {
      if (page !== top) page.frame.frame.classList.remove('jl-page-visible')
    }
    if (!top) return
    this.phone.setTabSelected(top.isTab ? top.route : null)
    this.phone.layout(top.frame, top.json.navigationStyle === 'custom', top.isTab)
    this.paintNavigation()
  }

  private paintNavigation(): void {
    const top = this.top
    if (!top) return
    const window = this.manifest.app.window ?? {}
    const pick = <K extends keyof PageJson>(key: K): PageJson[K] => top.json[key] ?? window[key]
    const firstIsHome = this.stack[0]?.route === this.homeRoute
    this.phone.setNavigation({
      title: top.title ?? pick('navigationBarTitleText') ?? '',
      background: top.navColors?.background ?? pick('navigationBarBackgroundColor') ?? '#000000',
      textStyle: top.navColors?.textStyle ?? pick('navigationBarTextStyle') ?? 'white',
      custom: pick('navigationStyle') === 'custom',
      canGoBack: this.stack.length > 1,
      showHome: !top.isTab && !firstIsHome,
      loading: top.navLoading,
    })
    document.title = `${top.title ?? pick('navigationBarTitleText') ?? ''} · ${top.route}`
  }

  private watchScroll(page: PageRecord): void {
    const scroller = page.frame.scroller
    scroller.addEventListener('scroll', () => {
      const scrollTop = scroller.scrollTop
      if (typeof page.handle.instance['onPageScroll'] === 'function')
        this.call(page, 'onPageScroll', { scrollTop })
      const distance =
        page.json.onReachBottomDistance ?? this.manifest.app.window?.onReachBottomDistance ?? 50
      const atBottom = scroller.scrollHeight - scrollTop - scroller.clientHeight <= distance
      if (atBottom && !page.reachedBottom) this.call(page, 'onReachBottom')
      page.reachedBottom = atBottom
    })
    // Pulling down past the top with a wheel or a trackpad refreshes, when the page allows it.
    let pulled = 0
    scroller.addEventListener(
      'wheel',
      (event) => {
        if (scroller.scrollTop > 0 || event.deltaY >= 0 || !this.pullDownEnabled(page)) {
          pulled = 0
          return
        }
        pulled -= event.deltaY
        if (pulled > 120) {
          pulled = 0
          this.startPullDownRefresh()
        }
      },
      { passive: true },
    )
  }

  /** Calls a page method (onLoad, onShow, ...) if the page has it; reports what it throws. */
  call(page: PageRecord, method: string, ...args: unknown[]): unknown {
    const fn = page.handle.instance[method]
    if (typeof fn !== 'function') return undefined
    try {
      const result = (fn as (...a: unknown[]) => unknown).apply(page.handle.instance, args)
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        ;(result as Promise<unknown>).then(undefined, (error: unknown) =>
          this.report(error, `${page.route} ${method}`),
        )
      }
      return result
    } catch (error) {
      this.report(error, `${page.route} ${method}`)
      return undefined
    }
  }
}

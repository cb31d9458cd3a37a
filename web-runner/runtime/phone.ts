/**
 * The phone: status bar, navigation bar, the page area (one frame per page in the stack), the
 * tab bar from app.json, and the layer where toasts, modals and sheets appear.
 */
import { clear, h } from './dom'
import type { AppJson } from './types'

export const STATUS_BAR = 44
export const NAV_BAR = 44
export const TAB_BAR = 50

export interface NavigationState {
  title: string
  background: string
  textStyle: 'white' | 'black'
  custom: boolean
  canGoBack: boolean
  showHome: boolean
  loading: boolean
}

export interface PageFrame {
  frame: HTMLElement
  scroller: HTMLElement
  /** The element WXSS calls `page`. */
  page: HTMLElement
  refresh: HTMLElement
}

export interface ModalOptions {
  title: string
  content: string
  showCancel: boolean
  cancelText: string
  cancelColor: string
  confirmText: string
  confirmColor: string
  editable: boolean
  placeholderText: string
}

/** wx.showModal's defaults. */
export const MODAL_DEFAULTS: ModalOptions = {
  title: '',
  content: '',
  showCancel: true,
  cancelText: '取消',
  cancelColor: '#000000',
  confirmText: '确定',
  confirmColor: '#576B95',
  editable: false,
  placeholderText: '',
}

export class Phone {
  readonly root: HTMLElement
  private readonly status: HTMLElement
  private readonly nav: HTMLElement
  private readonly navTitle: HTMLElement
  private readonly navBack: HTMLElement
  private readonly navHome: HTMLElement
  private readonly navLoading: HTMLElement
  private readonly pages: HTMLElement
  private readonly tabBar: HTMLElement
  private readonly layer: HTMLElement
  private readonly problems: HTMLElement
  private toastEl: HTMLElement | null = null
  private toastTimer = 0
  private tabBadges = new Map<number, string>()
  private tabBarHidden = false
  private tabSelected: string | null = null

  constructor(
    private readonly app: AppJson,
    private readonly screen: { width: number; height: number },
    private readonly handlers: {
      back(): void
      home(): void
      menu(): void
      tab(path: string): void
    },
  ) {
    this.navBack = h(
      'button',
      { class: 'jl-nav-back', 'aria-label': '返回', onclick: () => handlers.back() },
      '‹',
    )
    this.navHome = h(
      'button',
      { class: 'jl-nav-home', 'aria-label': '首页', onclick: () => handlers.home() },
      '⌂',
    )
    this.navTitle = h('div', { class: 'jl-nav-title' })
    this.navLoading = h('span', { class: 'jl-nav-loading' })
    this.status = h(
      'div',
      { class: 'jl-status' },
      h('span', {}, clock()),
      h('span', {}, '●●● 5G ▮'),
    )
    const capsule = h(
      'div',
      { class: 'jl-capsule' },
      h(
        'button',
        { class: 'jl-capsule-menu', 'aria-label': '更多', onclick: () => handlers.menu() },
        '···',
      ),
      h('span', { class: 'jl-capsule-sep' }),
      h(
        'button',
        { class: 'jl-capsule-close', 'aria-label': '关闭', onclick: () => handlers.home() },
        '◎',
      ),
    )
    this.nav = h(
      'div',
      { class: 'jl-nav' },
      h('div', { class: 'jl-nav-left' }, this.navBack, this.navHome),
      h('div', { class: 'jl-nav-center' }, this.navLoading, this.navTitle),
      capsule,
    )
    this.pages = h('div', { class: 'jl-pages' })
    this.tabBar = h('div', { class: 'jl-tabbar' })
    this.layer = h('div', { class: 'jl-layer' })
    this.problems = h('div', { class: 'jl-problems' })
    this.root = h(
      'div',
      { class: 'jl-phone', style: `width:${screen.width}px;height:${screen.height}px` },
      this.status,
      this.nav,
      this.pages,
      this.tabBar,
      this.problems,
      this.layer,
    )
    this.renderTabBar()
  }

  /** Height of the page area: what the page sees as its window. */
  windowHeight(custom: boolean, tab: boolean): number {
    return (
      this.screen.height -
      STATUS_BAR -
      (custom ? 0 : NAV_BAR) -
      (tab && !this.tabBarHidden ? TAB_BAR : 0) +
      (custom ? STATUS_BAR : 0)
    )
  }

  setNavigation(state: NavigationState): void {
    this.nav.hidden = state.custom
    this.root.classList.toggle('jl-custom-nav', state.custom)
    this.nav.style.background = state.background
    this.nav.style.color = state.textStyle === 'white' ? '#ffffff' : '#000000'
    this.status.style.background = state.custom ? 'transparent' : state.background
    this.status.style.color = this.nav.style.color
    this.navTitle.textContent = state.title
    this.navBack.hidden = !state.canGoBack
    this.navHome.hidden = state.canGoBack || !state.showHome
    this.navLoading.hidden = !state.loading
  }

  newPageFrame(): PageFrame {
    const page = document.createElement('wx-page')
    const refresh = h('div', { class: 'jl-refresh', hidden: true }, h('span', {}, '···'))
    const scroller = h('div', { class: 'jl-scroller' }, refresh, page)
    const frame = h('div', { class: 'jl-page-frame' }, scroller)
    this.pages.append(frame)
    return { frame, scroller, page, refresh }
  }

  /** Lays the visible page frame out for its navigation bar and tab bar. */
  layout(frame: PageFrame, custom: boolean, tab: boolean): void {
    const top = custom ? 0 : STATUS_BAR + NAV_BAR
    frame.frame.style.top = `${top}px`
    frame.frame.style.height = `${this.windowHeight(custom, tab)}px`
    frame.page.style.setProperty('--wx-vh', `${this.windowHeight(custom, tab) / 100}px`)
  }

  // ---- tab bar -------------------------------------------------------------------------------

  setTabSelected(path: string | null): void {
    this.tabSelected = path
    this.renderTabBar()
  }

  setTabBarHidden(hidden: boolean): void {
    this.tabBarHidden = hidden
    this.renderTabBar()
  }

  setTabBadge(index: number, text: string | null): void {
    if (text === null) this.tabBadges.delete(index)
    else this.tabBadges.set(index, text)
    this.renderTabBar()
  }

  private renderTabBar(): void {
    const tabBar = this.app.tabBar
    clear(this.tabBar)
    const visible = !!tabBar && this.tabSelected !== null && !this.tabBarHidden
    this.tabBar.hidden = !visible
    if (!tabBar) return
    this.tabBar.style.background = tabBar.backgroundColor ?? '#ffffff'
    this.tabBar.style.borderTopColor = tabBar.borderStyle === 'white' ? '#eeeeee' : '#d9d9d9'
    tabBar.list.forEach((item, index) => {
      const selected = item.pagePath === this.tabSelected
      const icon = selected ? (item.selectedIconPath ?? item.iconPath) : item.iconPath
      const badge = this.tabBadges.get(index)
      this.tabBar.append(
        h(
          'button',
          {
            class: `jl-tab${selected ? ' jl-tab-selected' : ''}`,
            'data-path': item.pagePath,
            style: `color:${selected ? (tabBar.selectedColor ?? '#000') : (tabBar.color ?? '#7a7e83')}`,
            onclick: () => this.handlers.tab(item.pagePath),
          },
          icon
            ? h('img', { class: 'jl-tab-icon', src: `files/${icon.replace(/^\//, '')}`, alt: '' })
            : null,
          h('span', { class: 'jl-tab-text' }, item.text),
          badge !== undefined
            ? h('span', { class: badge ? 'jl-tab-badge' : 'jl-tab-dot' }, badge)
            : null,
        ),
      )
    })
  }

  // ---- interaction ---------------------------------------------------------------------------

  toast(options: {
    title: string
    icon: string
    image?: string
    duration: number
    mask: boolean
  }): void {
    this.hideToast()
    const icon =
      options.icon === 'success'
        ? '✓'
        : options.icon === 'error'
          ? '✕'
          : options.icon === 'loading'
            ? ''
            : null
    const box = h(
      'div',
      { class: `jl-toast${icon === null ? ' jl-toast-text' : ''}`, role: 'status' },
      options.image ? h('img', { src: options.image, class: 'jl-toast-image', alt: '' }) : null,
      icon !== null && !options.image
        ? h('div', { class: options.icon === 'loading' ? 'jl-spinner' : 'jl-toast-icon' }, icon)
        : null,
      h('div', { class: 'jl-toast-title' }, options.title),
    )
    this.toastEl = h('div', { class: `jl-toast-wrap${options.mask ? ' jl-mask-clear' : ''}` }, box)
    this.layer.append(this.toastEl)
    if (options.duration > 0)
      this.toastTimer = window.setTimeout(() => this.hideToast(), options.duration)
  }

  hideToast(): void {
    window.clearTimeout(this.toastTimer)
    this.toastEl?.remove()
    this.toastEl = null
  }

  /** A modal dialog; what `given` leaves out is as wx.showModal's defaults. */
  modal(
    given: Partial<ModalOptions>,
  ): Promise<{ confirm: boolean; cancel: boolean; content?: string }> {
    const options = { ...MODAL_DEFAULTS, ...given }
    return new Promise((resolve) => {
      const input = options.editable
        ? h('textarea', { class: 'jl-modal-input', placeholder: options.placeholderText })
        : null
      if (input) input.value = options.content
      const close = (confirm: boolean): void => {
        wrap.remove()
        resolve({ confirm, cancel: !confirm, ...(input ? { content: input.value } : {}) })
      }
      const wrap = h(
        'div',
        { class: 'jl-mask' },
        h(
          'div',
          { class: 'jl-modal', role: 'dialog' },
          options.title ? h('div', { class: 'jl-modal-title' }, options.title) : null,
          input ??
            (options.content ? h('div', { class: 'jl-modal-content' }, options.content) : null),
          h(
            'div',
            { class: 'jl-modal-buttons' },
            options.showCancel
              ? h(
                  'button',
                  {
                    class: 'jl-modal-cancel',
                    style: `color:${options.cancelColor}`,
                    onclick: () => close(false),
                  },
                  options.cancelText,
                )
              : null,
            h(
              'button',
              {
                class: 'jl-modal-confirm',
                style: `color:${options.confirmColor}`,
                onclick: () => close(true),
              },
              options.confirmText,
            ),
          ),
        ),
      )
      this.layer.append(wrap)
    })
  }

  /** A sheet from the bottom: its own content, and a cancel row; resolves when closed. */
  sheet(
    content: Array<Node | null>,
    options: { title?: string; className?: string; cancelText?: string } = {},
  ): { close(): void; closed: Promise<void> } {
    let done: () => void = () => undefined
    const closed = new Promise<void>((resolve) => (done = resolve))
    const close = (): void => {
      wrap.remove()
      done()
    }
    const wrap = h(
      'div',
      {
        class: 'jl-mask jl-mask-bottom',
        onclick: (event: Event) => event.target === wrap && close(),
      },
      h(
        'div',
        { class: `jl-sheet ${options.className ?? ''}`, role: 'dialog' },
        options.title ? h('div', { class: 'jl-sheet-title' }, options.title) : null,
        ...content,
        h('button', { class: 'jl-sheet-cancel', onclick: close }, options.cancelText ?? '取消'),
      ),
    )
    this.layer.append(wrap)
    return { close, closed }
  }

  actionSheet(items: string[], color: string, alertText: string): Promise<number | null> {
    return new Promise((resolve) => {
      let chosen: number | null = null
      const sheet = this.sheet(
        items.map((item, index) =>
          h(
            'button',
            {
              class: 'jl-sheet-item',
              style: `color:${color}`,
              onclick: () => ((chosen = index), sheet.close()),
            },
            item,
          ),
        ),
        alertText ? { title: alertText } : {},
      )
      void sheet.closed.then(() => resolve(chosen))
    })
  }

  /** Full-screen layer (image preview). */
  fullscreen(content: HTMLElement, onClose: () => void): () => void {
    const wrap = h('div', { class: 'jl-fullscreen' }, content)
    const close = (): void => {
      wrap.remove()
      onClose()
    }
    wrap.addEventListener('click', close)
    this.layer.append(wrap)
    return close
  }

  /** Says, in the phone, that the app used something the runner does not have. */
  problem(message: string): void {
    const row = h(
      'div',
      { class: 'jl-problem', role: 'alert' },
      h('span', {}, message),
      h(
        'button',
        { class: 'jl-problem-close', 'aria-label': '关闭', onclick: () => row.remove() },
        '×',
      ),
    )
    this.problems.append(row)
  }
}

/** A fixed time, as in product shots: screenshots stay the same from run to run. */
function clock(): string {
  return '9:41'
}

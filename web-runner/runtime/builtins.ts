/**
 * The mini-program's built-in components (`<view>`, `<input>`, `<picker>` …) as j-component
 * components whose elements are `wx-<tag>` in the DOM, with native controls inside where a
 * browser has them. A built-in the runner does not have shows itself on screen, named, and is
 * reported as unsupported.
 */
import { h, clear } from './dom'
import { exparser, jComponent } from './engine'
import { resolveSrc } from './files'
import type { Runtime } from './wx'
import type { Dict } from './types'

type Instance = Dict & {
  data: Dict
  _exparserNode: { $$: HTMLElement; ownerShadowRoot?: { getHostNode(): { $$: HTMLElement } } }
  setData(data: Dict): void
  triggerEvent(name: string, detail?: unknown, options?: Dict): void
}

interface Builtin {
  properties?: Record<string, { type: unknown; value?: unknown }>
  attached?(this: Instance): void
  detached?(this: Instance): void
  /** Draws the element from all its properties: once on attach, and again whenever one changes. */
  render?(this: Instance): void
  /** Applies one property: on attach for each (after render), then whenever it changes. */
  update?(this: Instance, changed: string): void
  methods?: Record<string, (this: Instance, ...args: never[]) => unknown>
  behaviors?: string[]
}

let rt: Runtime

const host = (self: Instance): HTMLElement => self._exparserNode.$$
const prop = (type: unknown, value?: unknown) => ({
  type,
  ...(value === undefined ? {} : { value }),
})

/** The class prefix of the component whose template holds this element (hover-class etc.). */
function ownerPrefix(self: Instance): string {
  const owner = self._exparserNode.ownerShadowRoot?.getHostNode()
  return owner ? owner.$$.tagName.toLowerCase() : ''
}

function reflect(self: Instance, names: string[]): void {
  for (const name of names) {
    const value = self.data[name]
    const attr = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
    if (value === false || value === null || value === undefined || value === '')
      host(self).removeAttribute(attr)
    else host(self).setAttribute(attr, value === true ? '' : String(value))
  }
}

function hover(self: Instance): void {
  const el = host(self)
  let timer = 0
  const cls = (): string[] => {
    const value = String(self.data['hoverClass'] ?? 'none')
    if (!value || value === 'none' || self.data['disabled']) return []
    const prefix = ownerPrefix(self)
    return value
      .split(/\s+/)
      .filter(Boolean)
      .map((c) => (prefix ? `${prefix}--${c}` : c))
  }
  el.addEventListener('pointerdown', () => {
    window.clearTimeout(timer)
    const classes = cls()
    if (classes.length)
      timer = window.setTimeout(
        () => el.classList.add(...classes),
        Number(self.data['hoverStartTime'] ?? 20),
      )
  })
  const end = (): void => {
    window.clearTimeout(timer)
    const classes = cls()
    if (classes.length)
      timer = window.setTimeout(
        () => el.classList.remove(...classes),
        Number(self.data['hoverStayTime'] ?? 70),
      )
  }
  el.addEventListener('pointerup', end)
  el.addEventListener('pointerleave', end)
}

const hoverProps = {
  hoverClass: prop(String, 'none'),
  hoverStartTime: prop(Number, 50),
  hoverStayTime: prop(Number, 400),
  hoverStopPropagation: prop(Boolean, false),
}

// ---- text fields ---------------------------------------------------------------------------------

function textField(multiline: boolean): Builtin {
  return {
    behaviors: ['wx://form-field'],
    properties: {
      value: prop(String, ''),
      type: prop(String, 'text'),
      password: prop(Boolean, false),
      placeholder: prop(String, ''),
      placeholderStyle: prop(String, ''),
      disabled: prop(Boolean, false),
      maxlength: prop(Number, 140),
      focus: prop(Boolean, false),
      autoFocus: prop(Boolean, false),
      autoHeight: prop(Boolean, false),
      confirmType: prop(String, multiline ? 'return' : 'done'),
    },
    attached() {
      const control = multiline
        ? h('textarea', { class: 'jl-native' })
        : h('input', { class: 'jl-native' })
      ;(this as Dict)['__control'] = control
      host(this).append(control)
      control.addEventListener('input', () => {
        this.triggerEvent('input', {
          value: control.value,
          cursor: control.selectionStart ?? control.value.length,
          keyCode: 0,
        })
        if (multiline && this.data['autoHeight']) autoHeight(control)
      })
      control.addEventListener('focus', () =>
        this.triggerEvent('focus', { value: control.value, height: 0 }),
      )
      control.addEventListener('blur', () =>
        this.triggerEvent('blur', { value: control.value, cursor: control.selectionStart ?? 0 }),
      )
      control.addEventListener('keydown', (event) => {
        const e = event as KeyboardEvent
        if (e.key === 'Enter' && (!multiline || this.data['confirmType'] !== 'return')) {
          if (multiline) e.preventDefault()
          this.triggerEvent('confirm', { value: control.value })
        }
      })
      if (this.data['focus'] || this.data['autoFocus']) setTimeout(() => control.focus(), 0)
    },
    update(changed) {
      const control = (this as Dict)['__control'] as
        HTMLInputElement | HTMLTextAreaElement | undefined
      if (!control) return
      const d = this.data
      if (changed === 'value' && control.value !== String(d['value'] ?? ''))
        control.value = String(d['value'] ?? '')
      if (changed === 'placeholder') control.placeholder = String(d['placeholder'] ?? '')
      if (changed === 'disabled') control.disabled = !!d['disabled']
      if (changed === 'maxlength') {
        const max = Number(d['maxlength'])
        if (max >= 0) control.maxLength = max
        else control.removeAttribute('maxlength')
      }
      if ((changed === 'type' || changed === 'password') && control instanceof HTMLInputElement) {
        const type = String(d['type'])
        control.type = d['password'] ? 'password' : 'text'
        control.inputMode = type === 'number' ? 'numeric' : type === 'digit' ? 'decimal' : 'text'
      }
      if (changed === 'placeholderStyle')
        control.style.setProperty('--jl-placeholder', String(d['placeholderStyle'] ?? ''))
      if (changed === 'focus' && d['focus']) setTimeout(() => control.focus(), 0)
      if (changed === 'autoHeight' || changed === 'value') {
        if (multiline && d['autoHeight']) autoHeight(control)
      }
    },
  }
}

function autoHeight(control: HTMLElement): void {
  control.style.height = 'auto'
  control.style.height = `${control.scrollHeight}px`
}

// ---- button --------------------------------------------------------------------------------------

const button: Builtin = {
  properties: {
    size: prop(String, 'default'),
    type: prop(String, 'default'),
    plain: prop(Boolean, false),
    disabled: prop(Boolean, false),
    loading: prop(Boolean, false),
    formType: prop(String, ''),
    openType: prop(String, ''),
    ...hoverProps,
    hoverClass: prop(String, 'button-hover'),
  },
  attached() {
    const el = host(this)
    el.setAttribute('role', 'button')
    hover(this)
    el.addEventListener('click', () => {
      if (this.data['disabled']) return
      const formType = String(this.data['formType'] ?? '')
      if (formType === 'submit' || formType === 'reset') submitForm(el, formType)
      const openType = String(this.data['openType'] ?? '')
      if (openType) void openTypeAction(this, openType)
    })
  },
  render() {
    reflect(this, ['size', 'type', 'plain', 'disabled', 'loading'])
  },
}

async function openTypeAction(self: Instance, openType: string): Promise<void> {
  const dataset = (self._exparserNode as unknown as { dataset?: Dict }).dataset ?? {}
  switch (openType) {
    case 'share':
      rt.share('button', { id: '', dataset })
      return
    case 'agreePrivacyAuthorization':
      self.triggerEvent('agreeprivacyauthorization', {})
      return
    case 'getPhoneNumber':
    case 'getRealtimePhoneNumber': {
      const answer = await rt.phone.modal({
        title: '手机号（网页运行器）',
        cancelText: '拒绝',
        confirmText: '允许',
        editable: true,
        placeholderText: '输入一个手机号',
      })
      const event = openType === 'getPhoneNumber' ? 'getphonenumber' : 'getrealtimephonenumber'
      self.triggerEvent(
        event,
        answer.confirm
          ? { errMsg: `${openType}:ok`, code: `web-runner-phone-${answer.content ?? ''}` }
          : { errMsg: `${openType}:fail user deny` },
      )
      return
    }
    case 'chooseAvatar': {
      const wx = (
        globalThis as unknown as {
          wx: { chooseMedia(o: Dict): Promise<{ tempFiles: Array<{ tempFilePath: string }> }> }
        }
      ).wx
      try {
        const result = await wx.chooseMedia({ count: 1, mediaType: ['image'] })
        self.triggerEvent('chooseavatar', { avatarUrl: result.tempFiles[0]?.tempFilePath })
      } catch {
        // Cancelled: WeChat sends nothing.
      }
      return
    }
    default:
      rt.unsupported(`<button open-type="${openType}">`)
  }
}

// ---- form ------------------------------------------------------------------------------------------

function submitForm(from: HTMLElement, kind: 'submit' | 'reset'): void {
  const formEl = from.closest('wx-form')
  const form = formEl && (formEl as unknown as { __wxElement?: unknown }).__wxElement
  if (!form) return
  const caller = exparser.Element.getMethodCaller(form as never) as Instance
  if (kind === 'reset') {
    caller.triggerEvent('reset', {})
    return
  }
  const value: Dict = {}
  formEl.querySelectorAll('*').forEach((el) => {
    const node = (el as unknown as { __wxElement?: unknown }).__wxElement
    if (!node || node === form || (node as { $$?: unknown }).$$ !== el) return
    const fieldCaller = exparser.Element.getMethodCaller(node as never) as Instance | undefined
    const data = fieldCaller?.data
    if (!data || typeof data['name'] !== 'string' || data['name'] === '' || !('value' in data))
      return
    value[data['name']] = data['value']
  })
  caller.triggerEvent('submit', { value, target: {} })
}

// ---- picker ---------------------------------------------------------------------------------------

const picker: Builtin = {
  behaviors: ['wx://form-field'],
  properties: {
    mode: prop(String, 'selector'),
    range: prop(Array, []),
    rangeKey: prop(String, ''),
    value: prop(null, 0),
    start: prop(String, ''),
    end: prop(String, ''),
    fields: prop(String, 'day'),
    disabled: prop(Boolean, false),
    headerText: prop(String, ''),
  },
  attached() {
    host(this).addEventListener('click', () => {
      if (!this.data['disabled']) void openPicker(this)
    })
  },
}

async function openPicker(self: Instance): Promise<void> {
  const d = self.data
  const mode = String(d['mode'])
  const label = (item: unknown): string =>
    d['rangeKey'] && item && typeof item === 'object'
      ? String((item as Dict)[String(d['rangeKey'])])
      : String(item)
  let chosen: unknown = null
  const title = String(d['headerText'] || '')
  if (mode === 'selector') {
    const range = (d['range'] as unknown[]) ?? []
    const sheet = rt.phone.sheet(
      range.map((item, index) =>
        h(
          'button',
          {
            class: `jl-sheet-item jl-picker-option${index === Number(d['value']) ? ' jl-picker-current' : ''}`,
            onclick: () => ((chosen = index), sheet.close()),
          },
          label(item),
        ),
      ),
      { title, className: 'jl-picker' },
    )
    await sheet.closed
  } else if (mode === 'multiSelector') {
    const columns = ((d['range'] as unknown[][]) ?? []).map((column, index) => {
      const select = h('select', { class: 'jl-picker-select' })
      column.forEach((item, i) => select.append(h('option', { value: String(i) }, label(item))))
      select.value = String(((d['value'] as number[]) ?? [])[index] ?? 0)
      select.addEventListener('change', () =>
        self.triggerEvent('columnchange', { column: index, value: Number(select.value) }),
      )
      return select
    })
    const sheet = rt.phone.sheet(
      [
        h('div', { class: 'jl-picker-columns' }, ...columns),
        h(
          'button',
          {
            class: 'jl-sheet-item jl-picker-confirm',
            onclick: () => ((chosen = columns.map((c) => Number(c.value))), sheet.close()),
          },
          '确定',
        ),
      ],
      { title, className: 'jl-picker' },
    )
    await sheet.closed
  } else if (mode === 'date' || mode === 'time') {
    const fields = String(d['fields'])
    const type =
      mode === 'time'
        ? 'time'
        : fields === 'month'
          ? 'month'
          : fields === 'year'
            ? 'number'
            : 'date'
    const input = h('input', { class: 'jl-picker-input', type })
    const clip = (v: string): string =>
      type === 'month' ? v.slice(0, 7) : type === 'number' ? v.slice(0, 4) : v
    input.value = clip(String(d['value'] || ''))
    if (d['start']) input.min = clip(String(d['start']))
    if (d['end']) input.max = clip(String(d['end']))
    const sheet = rt.phone.sheet(
      [
        input,
        h(
          'button',
          {
            class: 'jl-sheet-item jl-picker-confirm',
            onclick: () => ((chosen = input.value || null), sheet.close()),
          },
          '确定',
        ),
      ],
      { title, className: 'jl-picker' },
    )
    await sheet.closed
  } else {
    rt.unsupported(`<picker mode="${mode}">`)
    return
  }
  if (chosen === null) self.triggerEvent('cancel', {})
  else {
    self.setData({ value: chosen })
    self.triggerEvent('change', { value: chosen })
  }
}

// ---- images, icons, progress, rich text ------------------------------------------------------------

const image: Builtin = {
  properties: {
    src: prop(String, ''),
    mode: prop(String, 'scaleToFill'),
    lazyLoad: prop(Boolean, false),
    showMenuByLongpress: prop(Boolean, false),
    webp: prop(Boolean, false),
  },
  attached() {
    const img = h('img', { class: 'jl-native', alt: '', draggable: 'false' })
    ;(this as Dict)['__img'] = img
    img.addEventListener('load', () =>
      this.triggerEvent('load', { width: img.naturalWidth, height: img.naturalHeight }),
    )
    img.addEventListener('error', () =>
      this.triggerEvent('error', { errMsg: `GET ${img.src} failed` }),
    )
    host(this).append(img)
  },
  update(changed) {
    const img = (this as Dict)['__img'] as HTMLImageElement | undefined
    if (!img) return
    if (changed === 'src') {
      const src = resolveSrc(String(this.data['src'] ?? ''), rt.router.top?.route ?? '')
      if (src) img.src = src
      else img.removeAttribute('src')
    }
    if (changed === 'mode')
      host(this).setAttribute('mode', String(this.data['mode'] || 'scaleToFill'))
  },
}

const ICONS: Record<string, string> = {
  success: '✔',
  success_no_circle: '✓',
  info: 'ℹ',
  warn: '!',
  waiting: '◷',
  cancel: '✕',
  download: '↓',
  search: '⌕',
  clear: '✕',
}
const icon: Builtin = {
  properties: { type: prop(String, ''), size: prop(null, 23), color: prop(String, '') },
  render() {
    const el = host(this)
    el.textContent = ICONS[String(this.data['type'])] ?? '•'
    const size = this.data['size']
    el.style.fontSize = typeof size === 'number' ? `${size}px` : String(size)
    el.style.color = String(this.data['color'] || '')
  },
}

const progress: Builtin = {
  properties: {
    percent: prop(Number, 0),
    showInfo: prop(Boolean, false),
    strokeWidth: prop(null, 6),
    activeColor: prop(String, '#09BB07'),
    backgroundColor: prop(String, '#EBEBEB'),
  },
  render() {
    const el = host(this)
    clear(el)
    const percent = Math.max(0, Math.min(100, Number(this.data['percent'])))
    el.append(
      h(
        'div',
        {
          class: 'jl-progress-bar',
          style: `height:${Number(this.data['strokeWidth'])}px;background:${String(this.data['backgroundColor'])}`,
        },
        h('div', {
          style: `width:${percent}%;height:100%;background:${String(this.data['activeColor'])}`,
        }),
      ),
    )
    if (this.data['showInfo']) el.append(h('span', { class: 'jl-progress-info' }, `${percent}%`))
  },
}

const richText: Builtin = {
  properties: { nodes: prop(null, []), space: prop(String, '') },
  render() {
    const el = host(this)
    clear(el)
    const nodes = this.data['nodes']
    if (typeof nodes === 'string') {
      const doc = new DOMParser().parseFromString(nodes, 'text/html')
      doc.querySelectorAll('script,style,iframe,object,embed').forEach((n) => n.remove())
      doc
        .querySelectorAll('*')
        .forEach((n) =>
          [...n.attributes].forEach((a) => /^on/i.test(a.name) && n.removeAttribute(a.name)),
        )
      el.append(...[...doc.body.childNodes])
    } else if (Array.isArray(nodes)) el.append(...nodes.map(richNode))
  },
}

function richNode(node: unknown): Node {
  const n = node as Dict
  if (n['type'] === 'text') return document.createTextNode(String(n['text'] ?? ''))
  const name = String(n['name'] ?? 'div')
  const el = document.createElement(
    /^[a-z][a-z0-9]*$/i.test(name) && !/^(script|iframe|object|embed|style)$/i.test(name)
      ? name
      : 'span',
  )
  for (const [key, value] of Object.entries((n['attrs'] as Dict) ?? {}))
    if (!/^on/i.test(key)) el.setAttribute(key, String(value))
  for (const child of (n['children'] as unknown[]) ?? []) el.append(richNode(child))
  return el
}

// ---- switches and choices -----------------------------------------------------------------------

const switchBuiltin: Builtin = {
  behaviors: ['wx://form-field'],
  properties: {
    checked: prop(Boolean, false),
    disabled: prop(Boolean, false),
    type: prop(String, 'switch'),
    color: prop(String, '#04BE02'),
  },
  attached() {
    const box = h('input', { type: 'checkbox', class: 'jl-native' })
    ;(this as Dict)['__box'] = box
    box.addEventListener('change', () => {
      this.setData({ checked: box.checked, value: box.checked })
      this.triggerEvent('change', { value: box.checked })
    })
    host(this).append(box)
  },
  render() {
    const box = (this as Dict)['__box'] as HTMLInputElement | undefined
    if (!box) return
    box.checked = !!this.data['checked']
    box.disabled = !!this.data['disabled']
    box.style.accentColor = String(this.data['color'])
    reflect(this, ['type'])
  },
}

function choice(kind: 'checkbox' | 'radio'): Builtin {
  return {
    properties: {
      value: prop(String, ''),
      checked: prop(Boolean, false),
      disabled: prop(Boolean, false),
      color: prop(String, '#09BB07'),
    },
    attached() {
      const box = h('input', { type: kind, class: 'jl-native' })
      ;(this as Dict)['__box'] = box
      host(this).prepend(box)
      host(this).addEventListener('click', (event) => {
        if (this.data['disabled'] || event.target === box) return
        box.click()
      })
      box.addEventListener('change', () => {
        this.setData({ checked: box.checked })
        const group = host(this).closest(
          kind === 'checkbox' ? 'wx-checkbox-group' : 'wx-radio-group',
        )
        const node = group && (group as unknown as { __wxElement?: unknown }).__wxElement
        if (!node) return
        const members = [...group.querySelectorAll(`wx-${kind}`)]
        if (kind === 'radio') for (const m of members) if (m !== host(this)) setChecked(m, false)
        const values = members
          .filter((m) => (m.querySelector('input') as HTMLInputElement | null)?.checked)
          .map((m) => m.getAttribute('data-value') ?? '')
        ;(exparser.Element.getMethodCaller(node as never) as Instance).triggerEvent('change', {
          value: kind === 'radio' ? (values[0] ?? '') : values,
        })
      })
    },
    render() {
      const box = (this as Dict)['__box'] as HTMLInputElement | undefined
      if (!box) return
      box.checked = !!this.data['checked']
      box.disabled = !!this.data['disabled']
      box.style.accentColor = String(this.data['color'])
      host(this).setAttribute('data-value', String(this.data['value'] ?? ''))
    },
  }
}

function setChecked(el: Element, checked: boolean): void {
  const box = el.querySelector('input')
  if (box) box.checked = checked
}

const slider: Builtin = {
  behaviors: ['wx://form-field'],
  properties: {
    min: prop(Number, 0),
    max: prop(Number, 100),
    step: prop(Number, 1),
    value: prop(Number, 0),
    disabled: prop(Boolean, false),
    showValue: prop(Boolean, false),
    activeColor: prop(String, '#1aad19'),
  },
  attached() {
    const range = h('input', { type: 'range', class: 'jl-native' })
    const shown = h('span', { class: 'jl-slider-value' })
    ;(this as Dict)['__range'] = range
    ;(this as Dict)['__shown'] = shown
    range.addEventListener('input', () =>
      this.triggerEvent('changing', { value: Number(range.value) }),
    )
    range.addEventListener('change', () => {
      this.setData({ value: Number(range.value) })
      this.triggerEvent('change', { value: Number(range.value) })
    })
    host(this).append(range, shown)
  },
  render() {
    const range = (this as Dict)['__range'] as HTMLInputElement | undefined
    if (!range) return
    const d = this.data
    range.min = String(d['min'])
    range.max = String(d['max'])
    range.step = String(d['step'])
    range.value = String(d['value'])
    range.disabled = !!d['disabled']
    range.style.accentColor = String(d['activeColor'])
    ;((this as Dict)['__shown'] as HTMLElement).textContent = d['showValue']
      ? String(d['value'])
      : ''
  },
}

// ---- containers -------------------------------------------------------------------------------------

const scrollView: Builtin = {
  properties: {
    scrollX: prop(Boolean, false),
    scrollY: prop(Boolean, false),
    upperThreshold: prop(Number, 50),
    lowerThreshold: prop(Number, 50),
    scrollTop: prop(null, 0),
    scrollLeft: prop(null, 0),
    scrollWithAnimation: prop(Boolean, false),
    enableFlex: prop(Boolean, false),
  },
  attached() {
    const el = host(this)
    let last = { top: 0, left: 0 }
    let atEnd = false
    let atStart = true
    el.addEventListener('scroll', () => {
      this.triggerEvent('scroll', {
        scrollLeft: el.scrollLeft,
        scrollTop: el.scrollTop,
        scrollHeight: el.scrollHeight,
        scrollWidth: el.scrollWidth,
        deltaX: el.scrollLeft - last.left,
        deltaY: el.scrollTop - last.top,
      })
      last = { top: el.scrollTop, left: el.scrollLeft }
      const vertical = !!this.data['scrollY']
      const position = vertical ? el.scrollTop : el.scrollLeft
      const room = vertical ? el.scrollHeight - el.clientHeight : el.scrollWidth - el.clientWidth
      const end = room - position <= Number(this.data['lowerThreshold'])
      const start = position <= Number(this.data['upperThreshold'])
      if (end && !atEnd)
        this.triggerEvent('scrolltolower', { direction: vertical ? 'bottom' : 'right' })
      if (start && !atStart)
        this.triggerEvent('scrolltoupper', { direction: vertical ? 'top' : 'left' })
      atEnd = end
      atStart = start
    })
  },
  render() {
    reflect(this, ['scrollX', 'scrollY', 'enableFlex'])
  },
  update(changed) {
    const el = host(this)
    const behavior = this.data['scrollWithAnimation'] ? 'smooth' : 'auto'
    if (changed === 'scrollTop') el.scrollTo({ top: Number(this.data['scrollTop']) || 0, behavior })
    if (changed === 'scrollLeft')
      el.scrollTo({ left: Number(this.data['scrollLeft']) || 0, behavior })
  },
}

const swiper: Builtin = {
  properties: {
    current: prop(Number, 0),
    indicatorDots: prop(Boolean, false),
    autoplay: prop(Boolean, false),
    interval: prop(Number, 5000),
    circular: prop(Boolean, false),
    vertical: prop(Boolean, false),
  },
  attached() {
    const el = host(this)
    let timer = 0
    let current = Number(this.data['current'])
    el.addEventListener('scroll', () => {
      const index = Math.round(
        this.data['vertical'] ? el.scrollTop / el.clientHeight : el.scrollLeft / el.clientWidth,
      )
      if (index !== current) {
        current = index
        this.triggerEvent('change', { current, source: 'touch' })
      }
    })
    const restart = (): void => {
      window.clearInterval(timer)
      if (!this.data['autoplay']) return
      timer = window.setInterval(() => {
        const count = el.querySelectorAll(':scope > wx-swiper-item').length
        if (count === 0) return
        const next = (current + 1) % count
        el.scrollTo(
          this.data['vertical']
            ? { top: next * el.clientHeight, behavior: 'smooth' }
            : { left: next * el.clientWidth, behavior: 'smooth' },
        )
      }, Number(this.data['interval']))
    }
    ;(this as Dict)['__restart'] = restart
    ;(this as Dict)['__stop'] = () => window.clearInterval(timer)
    restart()
  },
  detached() {
    ;((this as Dict)['__stop'] as (() => void) | undefined)?.()
  },
  render() {
    reflect(this, ['vertical', 'indicatorDots'])
  },
  update(changed) {
    if (changed === 'autoplay' || changed === 'interval')
      ((this as Dict)['__restart'] as (() => void) | undefined)?.()
    if (changed === 'current') {
      const el = host(this)
      const index = Number(this.data['current'])
      el.scrollTo(
        this.data['vertical'] ? { top: index * el.clientHeight } : { left: index * el.clientWidth },
      )
    }
  },
}

const navigator: Builtin = {
  properties: {
    url: prop(String, ''),
    openType: prop(String, 'navigate'),
    delta: prop(Number, 1),
    target: prop(String, 'self'),
    ...hoverProps,
    hoverClass: prop(String, 'navigator-hover'),
  },
  attached() {
    hover(this)
    host(this).addEventListener('click', () => {
      const wx = (globalThis as unknown as { wx: Record<string, (o: Dict) => unknown> }).wx
      const url = String(this.data['url'])
      const type = String(this.data['openType'])
      const api = {
        navigate: 'navigateTo',
        redirect: 'redirectTo',
        switchTab: 'switchTab',
        reLaunch: 'reLaunch',
        navigateBack: 'navigateBack',
      }[type]
      if (!api || this.data['target'] === 'miniProgram') {
        rt.unsupported(`<navigator open-type="${type}" target="${String(this.data['target'])}">`)
        return
      }
      const options: Dict = api === 'navigateBack' ? { delta: this.data['delta'] } : { url }
      options['fail'] = (error: Dict) => rt.phone.problem(`navigator: ${String(error['errMsg'])}`)
      wx[api]!(options)
    })
  },
}

const video: Builtin = {
  properties: {
    src: prop(String, ''),
    controls: prop(Boolean, true),
    poster: prop(String, ''),
    autoplay: prop(Boolean, false),
    loop: prop(Boolean, false),
    muted: prop(Boolean, false),
  },
  attached() {
    const el = h('video', { class: 'jl-native', playsinline: true })
    ;(this as Dict)['__video'] = el
    host(this).append(el)
  },
  render() {
    const el = (this as Dict)['__video'] as HTMLVideoElement | undefined
    if (!el) return
    const route = rt.router.top?.route ?? ''
    el.src = resolveSrc(String(this.data['src']), route)
    el.poster = resolveSrc(String(this.data['poster']), route)
    el.controls = !!this.data['controls']
    el.autoplay = !!this.data['autoplay']
    el.loop = !!this.data['loop']
    el.muted = !!this.data['muted']
  },
}

/**
 * `<canvas type="2d">`: a browser canvas, whose 2d context is what WeChat's canvas node offers.
 * The page finds it with a selector query's `fields({ node: true })` (wx.ts). The old canvas API
 * (canvas-id, wx.createCanvasContext) is not drawn and is reported.
 */
const canvas: Builtin = {
  properties: { type: prop(String, ''), canvasId: prop(String, '') },
  attached() {
    if (this.data['type'] !== '2d') {
      host(this).prepend(h('span', { class: 'jl-missing' }, '网页运行器只支持 <canvas type="2d">'))
      rt.unsupported('<canvas> without type="2d"')
      return
    }
    host(this).append(h('canvas', { class: 'jl-native jl-canvas' }))
  },
}

/** Built-ins a page may use that the runner does not draw: named on the page, reported once each. */
const MISSING = [
  'map',
  'camera',
  'live-player',
  'live-pusher',
  'web-view',
  'editor',
  'movable-area',
  'movable-view',
  'picker-view',
  'picker-view-column',
  'audio',
  'ad',
  'ad-custom',
  'official-account',
  'open-data',
  'voip-room',
  'channel-live',
  'channel-video',
  'functional-page-navigator',
  'match-media',
  'page-container',
  'share-element',
  'keyboard-accessory',
  'grid-view',
  'list-view',
  'sticky-header',
  'sticky-section',
]

function missing(tag: string): Builtin {
  return {
    attached() {
      host(this).prepend(h('span', { class: 'jl-missing' }, `网页运行器没有 <${tag}>`))
      rt.unsupported(`<${tag}>`)
    },
  }
}

const PLAIN = [
  'view',
  'text',
  'label',
  'block',
  'cover-view',
  'root-portal',
  'page-meta',
  'form',
  'checkbox-group',
  'radio-group',
  'swiper-item',
  'navigation-bar',
]

export function registerBuiltins(runtime: Runtime): void {
  rt = runtime
  const defs: Record<string, Builtin> = {
    button,
    input: textField(false),
    textarea: textField(true),
    picker,
    image,
    'cover-image': image,
    canvas,
    icon,
    progress,
    'rich-text': richText,
    switch: switchBuiltin,
    checkbox: choice('checkbox'),
    radio: choice('radio'),
    slider,
    'scroll-view': scrollView,
    swiper,
    navigator,
    video,
  }
  for (const tag of PLAIN)
    defs[tag] =
      tag === 'view' || tag === 'cover-view'
        ? {
            properties: hoverProps,
            attached() {
              hover(this)
            },
          }
        : {}
  for (const tag of MISSING) defs[tag] = missing(tag)
  for (const [tag, def] of Object.entries(defs)) register(tag, def)
}

function register(tag: string, def: Builtin): void {
  // j-component looks official tags up as `wx-<tag>` and others by their bare name: register both
  // (each registration gets its own definition: exparser adjusts what it is given).
  for (const id of [`wx-${tag}`, tag]) {
    const properties: Dict = {}
    for (const [name, spec] of Object.entries(def.properties ?? {})) {
      properties[name] = {
        ...spec,
        observer(this: Instance) {
          if (!(this as Dict)['__attached']) return
          def.render?.call(this)
          def.update?.call(this, name)
        },
      }
    }
    jComponent.register({
      id,
      template: '<slot/>',
      tagName: `wx-${tag}`,
      properties,
      behaviors: [...(def.behaviors ?? [])],
      methods: { ...(def.methods ?? {}) },
      lifetimes: {
        attached(this: Instance) {
          ;(this as Dict)['__attached'] = true
          try {
            def.attached?.call(this)
            // Properties set before attached are applied now: drawn once, and each as if it had
            // just changed.
            def.render?.call(this)
            for (const name of Object.keys(def.properties ?? {})) def.update?.call(this, name)
          } catch (error) {
            console.error(`<${tag}> attached`, error)
          }
        },
        detached(this: Instance) {
          def.detached?.call(this)
        },
      },
    } as never)
  }
}

/**
 * What every built-in component is made of: a definition (Builtin) that index.ts registers with
 * j-component, and the helpers built-ins share (properties, attributes, hover classes, the
 * exparser element behind a DOM element).
 */
import { exparser } from '../engine'
import type { Dict } from '../types'

export type Instance = Dict & {
  data: Dict
  _exparserNode: { $$: HTMLElement; ownerShadowRoot?: { getHostNode(): { $$: HTMLElement } } }
  setData(data: Dict): void
  triggerEvent(name: string, detail?: unknown, options?: Dict): void
}

export interface Builtin {
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

/** The built-in's own DOM element, `wx-<tag>`. */
export const host = (self: Instance): HTMLElement => self._exparserNode.$$

export const prop = (type: unknown, value?: unknown) => ({
  type,
  ...(value === undefined ? {} : { value }),
})

/**
 * Keeps something the built-in made (its native control, a timer's stop) on the instance, for
 * its later hooks: exparser gives each element its own instance.
 */
export function keep(self: Instance, name: string, value: unknown): void {
  ;(self as Dict)[`__${name}`] = value
}

export function kept<T>(self: Instance, name: string): T | undefined {
  return (self as Dict)[`__${name}`] as T | undefined
}

/** The exparser element behind a DOM element the engine drew, if any. */
export function wxElementOf(el: Element): unknown {
  return (el as unknown as { __wxElement?: unknown }).__wxElement
}

/** The instance of an exparser element: its data, and triggerEvent. */
export function instanceOf(node: unknown): Instance | undefined {
  return exparser.Element.getMethodCaller(node as never) as Instance | undefined
}

/** Mirrors properties as attributes of the host, so that runner.css can style by them. */
export function reflect(self: Instance, names: string[]): void {
  for (const name of names) {
    const value = self.data[name]
    const attr = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
    if (value === false || value === null || value === undefined || value === '')
      host(self).removeAttribute(attr)
    else host(self).setAttribute(attr, value === true ? '' : String(value))
  }
}

/** Draws a checkbox or radio control from the built-in's checked, disabled and color. */
export function drawBox(self: Instance, box: HTMLInputElement): void {
  box.checked = !!self.data['checked']
  box.disabled = !!self.data['disabled']
  box.style.accentColor = String(self.data['color'])
}

export const hoverProps = {
  hoverClass: prop(String, 'none'),
  hoverStartTime: prop(Number, 50),
  hoverStayTime: prop(Number, 400),
  hoverStopPropagation: prop(Boolean, false),
}

/** The class prefix of the component whose template holds this element (hover-class etc.). */
function ownerPrefix(self: Instance): string {
  const owner = self._exparserNode.ownerShadowRoot?.getHostNode()
  return owner ? owner.$$.tagName.toLowerCase() : ''
}

/** hover-class: added a moment after a press starts, taken away a moment after it ends. */
export function hover(self: Instance): void {
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
  const after = (delay: unknown, change: (classes: string[]) => void): void => {
    window.clearTimeout(timer)
    const classes = cls()
    if (classes.length) timer = window.setTimeout(() => change(classes), Number(delay))
  }
  el.addEventListener('pointerdown', () =>
    after(self.data['hoverStartTime'] ?? 20, (classes) => el.classList.add(...classes)),
  )
  const end = (): void =>
    after(self.data['hoverStayTime'] ?? 70, (classes) => el.classList.remove(...classes))
  el.addEventListener('pointerup', end)
  el.addEventListener('pointerleave', end)
}

/**
 * The component engine miniprogram-simulate uses, in the browser: j-component on exparser, with
 * the templates wcc compiled at build time. Components register lazily, children before parents,
 * each under the element name (and class prefix) the build gave it.
 */
import exparser, { type ExparserNode } from 'miniprogram-exparser'
import * as jComponent from 'j-component'
import { requireModule, resolvePath } from './modules'
import type { ComponentInfo, Dict, Manifest } from './types'

interface Loading {
  path: string
  info: ComponentInfo
  template: unknown
  usingIds: Record<string, string>
  registered: boolean
}

let manifest: Manifest
const registered = new Map<string, string>()
let loading: Loading | null = null

export function initEngine(m: Manifest): void {
  manifest = m
  const g = globalThis as unknown as Dict
  g['Component'] = defineComponent
  g['Behavior'] = (definition: Dict) => jComponent.behavior(definition as never)
  g['Page'] = definePage
}

/** The id of a registered component, registering it (and what it uses) first. */
export function registerComponent(path: string): string {
  const known = registered.get(path)
  if (known) return known
  const info = manifest.components[path]
  if (!info) throw new Error(`component ${path} is not in app.json's tree`)
  const usingIds: Record<string, string> = {}
  for (const [tag, target] of Object.entries(info.using)) usingIds[tag] = registerComponent(target)
  const template = window.__wxGwx(`${path}.wxml`)
  if (typeof template !== 'function') throw new Error(`${path}.wxml is missing or did not compile`)
  const outer = loading
  loading = { path, info, template, usingIds, registered: false }
  try {
    requireModule(`${path}.js`)
    if (!loading.registered) throw new Error(`${path}.js did not call Component() or Page()`)
  } finally {
    loading = outer
  }
  return registered.get(path)!
}

function defineComponent(options: Dict): void {
  const current = loading
  if (!current) throw new Error('Component() was called outside of a component file')
  if (current.registered) throw new Error(`${current.path}.js called Component() twice`)
  const given = (options['options'] as Dict | undefined) ?? {}
  const definition: Dict = {
    ...options,
    id: current.info.tag,
    path: `/${current.path}`,
    template: current.template,
    usingComponents: current.usingIds,
    tagName: current.info.tag,
    options: { ...given, classPrefix: current.info.tag },
  }
  current.registered = true
  registered.set(current.path, current.info.tag)
  const relations = options['relations'] as Record<string, Dict> | undefined
  if (relations) {
    // Relations name components by path: exparser knows them by id (registered on demand).
    const mapped: Record<string, Dict> = {}
    for (const [key, value] of Object.entries(relations)) {
      const target = resolvePath(current.path, key)
      const id = manifest.components[target] ? registerComponent(target) : undefined
      mapped[id ?? key] = id ? { ...value, target: id } : value
    }
    definition['relations'] = mapped
  }
  jComponent.register(definition as never)
}

const PAGE_LIFECYCLE = new Set(['data', 'options', 'behaviors'])

/** Page({...}): the same page as a Component whose methods are its functions. */
function definePage(options: Dict): void {
  const methods: Dict = {}
  const rest: Dict = {}
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'function') methods[key] = value
    else if (!PAGE_LIFECYCLE.has(key)) rest[key] = value
  }
  defineComponent({
    data: options['data'] ?? {},
    behaviors: options['behaviors'] ?? [],
    methods,
    lifetimes: {
      created(this: Dict) {
        // Non-function fields of Page() are instance fields.
        Object.assign(this, rest)
      },
    },
  })
}

export interface PageHandle {
  /** The page instance, as `this` in its methods and in getCurrentPages(). */
  instance: Dict
  root: ExparserNode
  dom: HTMLElement
}

/** Creates a page's component tree; it is attached (and its lifecycle run) by the router. */
export function createPage(route: string): PageHandle {
  const id = registerComponent(route)
  const component = jComponent.create(id) as unknown as { _exparserNode: ExparserNode }
  const root = component._exparserNode
  return { instance: exparser.Element.getMethodCaller(root), root, dom: root.$$ }
}

export function attachPage(page: PageHandle, parent: HTMLElement): void {
  parent.appendChild(page.dom)
  exparser.Element.pretendAttached(page.root)
}

export function detachPage(page: PageHandle): void {
  exparser.Element.pretendDetached(page.root)
  page.dom.remove()
}

/** Every component of a page, the page first (parents before children). */
export function eachComponent(node: ExparserNode, callback: (node: ExparserNode) => void): void {
  if (node instanceof exparser.Component) {
    callback(node)
    if (node.shadowRoot) eachComponent(node.shadowRoot, callback)
  }
  for (const child of node.childNodes) {
    if (child instanceof exparser.Element) eachComponent(child, callback)
  }
}

export function triggerReady(page: PageHandle): void {
  const nodes: ExparserNode[] = []
  eachComponent(page.root, (node) => nodes.push(node))
  // Children are ready before their parents.
  for (const node of nodes.reverse()) node.triggerLifeTime('ready', [])
}

export function triggerPageLifetime(page: PageHandle, name: string, ...args: unknown[]): void {
  eachComponent(page.root, (node) => node.triggerPageLifeTime(name, args))
}

/** Dispatches a WeChat event (e.g. `tap`) from a DOM node, as a touch would. */
export function dispatchFromDom(
  target: EventTarget,
  name: string,
  detail: Dict,
  original: Event,
): void {
  exparser.Event.dispatchEvent(
    target,
    exparser.Event.create(name, detail, {
      originalEvent: original,
      bubbles: true,
      capturePhase: true,
      composed: true,
      extraFields: { touches: [], changedTouches: [detail] },
    }),
  )
}

export { exparser, jComponent }

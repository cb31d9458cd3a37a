/**
 * What a built mini-program holds: its pages (app.json, subpackages included) and every custom
 * component they reach through usingComponents, each with the tag name (and class prefix) the
 * runner gives it in the DOM.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'

export interface AppJson {
  pages: string[]
  subpackages?: Array<{ root: string; pages: string[] }>
  subPackages?: Array<{ root: string; pages: string[] }>
  window?: Record<string, unknown>
  tabBar?: { list: Array<{ pagePath: string; text: string; iconPath?: string }> }
  usingComponents?: Record<string, string>
  [key: string]: unknown
}

export interface ComponentEntry {
  /** Path from the mini-program root without extension, e.g. `pages/me/index`. */
  path: string
  /** The element name in the DOM, also the prefix of its classes: `pages-me`, `van-cell`. */
  tag: string
  isPage: boolean
  /** The component's json (navigation bar settings of a page, usingComponents, options). */
  json: Record<string, unknown>
  /** usingComponents resolved: tag used in its WXML → path of the component. */
  using: Record<string, string>
}

export interface AppTree {
  root: string
  app: AppJson
  pages: string[]
  components: Map<string, ComponentEntry>
}

/** Every page of app.json: the main package's, then each subpackage's under its root. */
export function appPages(app: AppJson): string[] {
  const pages = [...app.pages]
  for (const sub of app.subpackages ?? app.subPackages ?? []) {
    for (const page of sub.pages) pages.push(path.posix.join(sub.root, page))
  }
  return pages
}

export function readAppTree(root: string): AppTree {
  const app = readJson(path.join(root, 'app.json')) as unknown as AppJson
  const pages = appPages(app)
  const components = new Map<string, ComponentEntry>()
  const tags = new Set<string>()
  const visit = (componentPath: string, isPage: boolean): void => {
    if (components.has(componentPath)) return
    const jsonFile = path.join(root, `${componentPath}.json`)
    if (!fs.existsSync(jsonFile)) throw new Error(`${componentPath}: no ${componentPath}.json`)
    const json = readJson(jsonFile)
    const declared = {
      ...(isPage ? (app.usingComponents ?? {}) : {}),
      ...((json['usingComponents'] as Record<string, string> | undefined) ?? {}),
    }
    const entry: ComponentEntry = {
      path: componentPath,
      tag: uniqueTag(componentPath, tags),
      isPage,
      json,
      using: {},
    }
    components.set(componentPath, entry)
    for (const [tag, target] of Object.entries(declared)) {
      if (target.startsWith('plugin://')) throw new Error(`${componentPath}: plugins are not run`)
      const resolved = resolveComponent(root, componentPath, target)
      entry.using[tag] = resolved
      visit(resolved, false)
    }
  }
  for (const page of pages) visit(page, true)
  // A page used also as a component stays a page: pages were visited first.
  return { root, app, pages, components }
}

/** Where the mini-program runtime finds `target` named in usingComponents of `from`. */
export function resolveComponent(root: string, from: string, target: string): string {
  const candidates: string[] = []
  if (target.startsWith('/')) candidates.push(target.slice(1))
  else if (target.startsWith('.'))
    candidates.push(path.posix.join(path.posix.dirname(from), target))
  else {
    // Bare names: relative to the component first, then miniprogram_npm (as DevTools' npm does).
    candidates.push(path.posix.join(path.posix.dirname(from), target))
    candidates.push(path.posix.join('miniprogram_npm', target))
  }
  for (const candidate of candidates) {
    const normalized = path.posix.normalize(candidate)
    if (fs.existsSync(path.join(root, `${normalized}.json`))) return normalized
    if (fs.existsSync(path.join(root, normalized, 'index.json'))) return `${normalized}/index`
  }
  throw new Error(`${from}: component “${target}” not found in ${root}`)
}

function uniqueTag(componentPath: string, taken: Set<string>): string {
  const base =
    componentPath
      .replace(/\/index$/, '')
      .replace(/^miniprogram_npm\/@vant\/weapp\//, 'van-')
      .replace(/^miniprogram_npm\//, 'npm-')
      .replace(/[^a-zA-Z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'component'
  // A custom element's name needs a dash, and must not start with a digit.
  let tag = /^[a-z]/.test(base) ? base : `c-${base}`
  if (!tag.includes('-')) tag = `${tag}-component`
  let n = 2
  const first = tag
  while (taken.has(tag)) tag = `${first}-${n++}`
  taken.add(tag)
  return tag
}

export function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
}

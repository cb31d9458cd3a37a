/**
 * WXSS → CSS for the browser, per component, as the mini-program runtime isolates styles:
 * classes get the component's prefix (exparser writes `prefix--name` into the DOM), `:host` is
 * the component's element, built-in tags are `wx-<tag>`, `page` is the page's root, rpx is px at
 * the phone's width (750 rpx across), `vh` is the phone window's, and `@import`s are inlined.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import postcss, { type Root, type Rule } from 'postcss'

/** Tags of the mini-program's built-in components, written `wx-<tag>` in the DOM. */
export const BUILTIN_TAGS = [
  'view',
  'text',
  'image',
  'button',
  'input',
  'textarea',
  'picker',
  'label',
  'navigator',
  'scroll-view',
  'swiper',
  'swiper-item',
  'icon',
  'progress',
  'rich-text',
  'switch',
  'checkbox',
  'checkbox-group',
  'radio',
  'radio-group',
  'slider',
  'form',
  'video',
  'canvas',
  'map',
  'cover-view',
  'cover-image',
  'movable-area',
  'movable-view',
  'root-portal',
  'page-meta',
  'web-view',
  'editor',
  'picker-view',
  'picker-view-column',
  'camera',
  'audio',
  'open-data',
  'ad',
]

export interface StyleScope {
  /** The component's element name, also its class prefix. */
  tag: string
  /** Custom component tags used in its WXML → their element names. */
  using: Record<string, string>
  /** The phone width in px: 750 rpx span it. */
  screenWidth: number
}

/** The WXSS file with its `@import`s inlined (relative to the importing file; `/x` from the root). */
export function readWxss(file: string, root: string, seen = new Set<string>()): string {
  if (!fs.existsSync(file) || seen.has(file)) return ''
  seen.add(file)
  const source = fs.readFileSync(file, 'utf8')
  return source.replace(
    /@import\s+(?:"([^"]+)"|'([^']+)')\s*;?/g,
    (_all, a?: string, b?: string) => {
      const target = (a ?? b)!
      const resolved = target.startsWith('/')
        ? path.join(root, target)
        : path.join(path.dirname(file), target)
      return readWxss(resolved.endsWith('.wxss') ? resolved : `${resolved}.wxss`, root, seen)
    },
  )
}

export function compileWxss(wxss: string, scope: StyleScope, from: string): string {
  let root: Root
  try {
    root = postcss.parse(wxss, { from })
  } catch (error) {
    throw new Error(`${from}: ${(error as Error).message}`, { cause: error })
  }
  root.walkRules((rule: Rule) => {
    if (insideKeyframes(rule)) return
    rule.selectors = rule.selectors.map((selector) => scopeSelector(selector, scope))
  })
  root.walkDecls((decl) => {
    decl.value = convertUnits(decl.value, scope.screenWidth)
  })
  return root.toString()
}

function insideKeyframes(rule: Rule): boolean {
  type Parent = { type: string; name?: string; parent?: Parent } | undefined
  for (let node = rule.parent as Parent; node; node = node.parent) {
    if (node.type === 'atrule' && /keyframes$/i.test(node.name ?? '')) return true
  }
  return false
}

const TAG_NAME = /(^|[\s>+~(,])([a-zA-Z][a-zA-Z0-9-]*)(?=$|[\s.#:[>+~),])/g

/** Rewrites one selector for the component's scope. */
export function scopeSelector(selector: string, scope: StyleScope): string {
  const { tag, using } = scope
  // Leave strings and attribute selectors alone while rewriting the rest.
  const parts = selector.split(/(\[[^\]]*\]|"[^"]*"|'[^']*')/)
  return parts
    .map((part, index) => {
      if (index % 2 === 1) return part
      let out = part.replace(/:host(\(([^)]*)\))?/g, (_all, _group, inner?: string) =>
        inner ? `${tag}${inner}` : tag,
      )
      // Every class, compound ones (`.a.b`) included; `.5` in a number is not a class.
      out = out.replace(
        /(?<![0-9])\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)/g,
        (_all, name: string) => `.${tag}--${name}`,
      )
      out = out.replace(TAG_NAME, (all, before: string, name: string) => {
        const lower = name.toLowerCase()
        // `page` is the root of this page only: every page in the stack has one.
        if (lower === 'page') return `${before}wx-page[route-tag="${tag}"]`
        if (BUILTIN_TAGS.includes(lower)) return `${before}wx-${lower}`
        if (using[name]) return `${before}${using[name]}`
        return all
      })
      return out
    })
    .join('')
}

/** rpx → px at the phone's width; vh → the phone window's height (a CSS variable on each page). */
export function convertUnits(value: string, screenWidth: number): string {
  return value
    .replace(
      /(-?\d*\.?\d+)rpx\b/g,
      (_all, n: string) => `${round((Number(n) * screenWidth) / 750)}px`,
    )
    .replace(/(-?\d*\.?\d+)vh\b/g, (_all, n: string) => `calc(${n} * var(--wx-vh, 1vh))`)
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000
}

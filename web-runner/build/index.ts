/**
 * Builds the web runner for a built mini-program: a static folder (index.html and four scripts)
 * that runs the real pages in a browser. Templates are compiled here by the official WXML
 * compiler (wcc), WXSS becomes scoped CSS, and every .js of the mini-program is wrapped as a
 * CommonJS module; the engine (exparser + j-component, as miniprogram-simulate uses) and the
 * runner's `wx` are bundled from ../runtime.
 */
import * as esbuild from 'esbuild'
import * as fs from 'node:fs'
import { createRequire } from 'node:module'
import * as path from 'node:path'
import type { RunnerUser } from '../runtime/types'
import { readAppTree, type AppTree } from './appTree'
import { compileWxss, readWxss } from './styles'

export interface WebRunnerOptions {
  /** A built mini-program (its .js beside .wxml/.wxss/.json, miniprogram_npm included). */
  miniprogramDir: string
  outDir: string
  /** The people a developer can act as; the first is the default. */
  users?: RunnerUser[]
  /**
   * A storage key the mini-program reads to know whom it acts as (a development build's own
   * switcher): the runner keeps it equal to the chosen user.
   */
  identityStorageKey?: string
  /** The browser tab's title. */
  title?: string
}

export interface WebRunnerBuild {
  pages: string[]
  components: number
  bytes: number
}

/** The phone the runner draws: an iPhone X-sized screen, 750 rpx across. */
export const SCREEN = { width: 375, height: 812 }

// miniprogram-api-typings (via j-component) declares its own `require`: use Node's explicitly.
const nodeRequire = createRequire(__filename)
const RUNTIME_ENTRY = path.join(__dirname, '../runtime/index.ts')
const RUNTIME_CSS = path.join(__dirname, '../runtime/runner.css')

export async function buildWebRunner(options: WebRunnerOptions): Promise<WebRunnerBuild> {
  const root = path.resolve(options.miniprogramDir)
  const out = path.resolve(options.outDir)
  const tree = readAppTree(root)
  fs.rmSync(out, { recursive: true, force: true })
  fs.mkdirSync(out, { recursive: true })
  const files = listFiles(root)

  write(out, 'templates.js', compileTemplates(root, files))
  write(out, 'modules.js', wrapModules(root, files))
  write(out, 'app.css', compileStyles(tree))
  write(out, 'manifest.js', `window.__wxManifest = ${JSON.stringify(manifest(tree, options))};\n`)
  copyAssets(root, files, path.join(out, 'files'))
  await bundleRuntime(path.join(out, 'runtime.js'))
  fs.copyFileSync(RUNTIME_CSS, path.join(out, 'runner.css'))
  write(out, 'index.html', indexHtml(options.title ?? 'Mini-program'))

  let bytes = 0
  for (const file of fs.readdirSync(out)) {
    const stat = fs.statSync(path.join(out, file))
    if (stat.isFile()) bytes += stat.size
  }
  return { pages: tree.pages, components: tree.components.size, bytes }
}

function write(dir: string, file: string, content: string): void {
  fs.writeFileSync(path.join(dir, file), content)
}

/**
 * All WXML (and WXS, which wcc compiles into the same output) through the official compiler;
 * `$gwx('pages/me/index.wxml')` then answers a page's generate function. The root must be
 * absolute or wcc silently drops component tags.
 */
function compileTemplates(root: string, files: string[]): string {
  const compiler = nodeRequire('miniprogram-compiler') as {
    wxmlToJs(root: string, options?: { wxmlList?: string[]; wxsList?: string[] }): string
  }
  const code = compiler.wxmlToJs(root, {
    wxmlList: files.filter((f) => f.endsWith('.wxml')),
    wxsList: files.filter((f) => f.endsWith('.wxs')),
  })
  // wxmlToJs answers a function body ending in `return $gwx;`: run it once, keep $gwx.
  return `window.__webview_engine_version__ = 0.02;\nwindow.__wxGwx = (function () {\n${code}\n})();\n`
}

/** Every .js file as a CommonJS module, registered under its path from the root. */
function wrapModules(root: string, files: string[]): string {
  const parts = ['window.__wxModules = {};\n']
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    const source = fs.readFileSync(path.join(root, file), 'utf8')
    parts.push(
      `__wxModules[${JSON.stringify(file)}] = function (module, exports, require) {\n${source}\n};\n`,
    )
  }
  return parts.join('')
}

function compileStyles(tree: AppTree): string {
  const appWxss = readWxss(path.join(tree.root, 'app.wxss'), tree.root)
  const vantIcons = vantIconFont()
  const out: string[] = []
  for (const entry of tree.components.values()) {
    const using: Record<string, string> = {}
    for (const [tag, target] of Object.entries(entry.using)) {
      using[tag] = tree.components.get(target)!.tag
    }
    const scope = { tag: entry.tag, using, screenWidth: SCREEN.width }
    const file = path.join(tree.root, `${entry.path}.wxss`)
    // app.wxss styles every page (not components), with the page's prefix like its own styles.
    if (entry.isPage && appWxss) out.push(compileWxss(appWxss, scope, 'app.wxss'))
    let css = compileWxss(readWxss(file, tree.root), scope, `${entry.path}.wxss`)
    if (vantIcons)
      css = css.replace(/@font-face\s*{[^}]*font-family:\s*['"]?vant-icon['"]?[^}]*}/g, vantIcons)
    if (css.trim()) out.push(`/* ${entry.path} */\n${css}`)
  }
  return out.join('\n')
}

/**
 * Vant's icon font comes from a CDN, which a closed network (or CI) cannot reach; @vant/icons
 * ships the same font inline, when it is installed.
 */
function vantIconFont(): string | null {
  let file: string
  try {
    file = nodeRequire.resolve('@vant/icons/src/encode-woff2.less')
  } catch {
    return null
  }
  const face = /@font-face\s*{[^}]*}/.exec(fs.readFileSync(file, 'utf8'))
  return face ? face[0] : null
}

function manifest(tree: AppTree, options: WebRunnerOptions) {
  const components: Record<string, unknown> = {}
  for (const entry of tree.components.values()) {
    components[entry.path] = {
      tag: entry.tag,
      isPage: entry.isPage,
      json: entry.json,
      using: entry.using,
    }
  }
  return {
    app: tree.app,
    pages: tree.pages,
    components,
    users: options.users ?? [],
    identityStorageKey: options.identityStorageKey ?? null,
    screen: SCREEN,
  }
}

const ASSET = /\.(png|jpe?g|gif|svg|webp|ttf|woff2?|mp3|mp4)$/i

/** Images and fonts the pages refer to by path, served under files/. */
function copyAssets(root: string, files: string[], to: string): void {
  for (const file of files.filter((f) => ASSET.test(f))) {
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true })
    fs.copyFileSync(path.join(root, file), path.join(to, file))
  }
}

async function bundleRuntime(outfile: string): Promise<void> {
  await esbuild.build({
    entryPoints: [RUNTIME_ENTRY],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome100',
    minify: true,
    legalComments: 'none',
    define: { global: 'globalThis' },
    logLevel: 'silent',
    plugins: [rpxInInlineStyles],
  })
}

/**
 * j-component turns rpx in inline styles into px one to one; the runner's phone is 375 px wide,
 * so 1 rpx is 0.5 px (and decimals count).
 */
const rpxInInlineStyles: esbuild.Plugin = {
  name: 'rpx-in-inline-styles',
  setup(build) {
    build.onLoad({ filter: /j-component[\\/]src[\\/]tool[\\/]utils\.js$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8')
      const patched = source.replace(
        /function transformRpx\(style\) \{[^}]*\}/,
        'function transformRpx(style) {\n  return String(style).replace(/(-?\\d*\\.?\\d+)rpx/g, (_, n) => `${Math.round(n * (globalThis.__wxRpxRatio || 1) * 1000) / 1000}px`)\n}',
      )
      if (patched === source) throw new Error('j-component changed: transformRpx not found')
      return { contents: patched, loader: 'js' }
    })
  },
}

function indexHtml(title: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="runner.css">
<link rel="stylesheet" href="app.css">
</head>
<body>
<div id="runner"></div>
<script src="manifest.js"></script>
<script src="templates.js"></script>
<script src="modules.js"></script>
<script src="runtime.js"></script>
</body>
</html>
`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(child)
      else if (entry.isFile()) out.push(child)
    }
  }
  walk('')
  return out.sort()
}

/**
 * The mini-program's own module system: each built .js file is a CommonJS module, required by
 * relative path, by `/path` from the root, or by a bare npm name (from miniprogram_npm/).
 */
const cache = new Map<string, { exports: unknown }>()

export function resolveModule(from: string, name: string): string {
  const base = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : ''
  const candidates: string[] = []
  if (name.startsWith('/')) candidates.push(normalize(name.slice(1)))
  else if (name.startsWith('.')) candidates.push(normalize(`${base}/${name}`))
  else {
    candidates.push(normalize(`${base}/${name}`))
    candidates.push(normalize(`miniprogram_npm/${name}`))
  }
  for (const candidate of candidates) {
    for (const file of [candidate, `${candidate}.js`, `${candidate}/index.js`]) {
      if (window.__wxModules[file]) return file
    }
  }
  throw new Error(`module "${name}" is not defined (required from ${from || 'the app'})`)
}

export function requireModule(file: string): unknown {
  const cached = cache.get(file)
  if (cached) return cached.exports
  const factory = window.__wxModules[file]
  if (!factory) throw new Error(`module "${file}" is not defined`)
  const module = { exports: {} as unknown }
  cache.set(file, module)
  try {
    factory(module, module.exports, (name: string) => requireModule(resolveModule(file, name)))
  } catch (error) {
    cache.delete(file)
    throw error
  }
  return module.exports
}

/** `path` from the root if it starts with `/`, else relative to the folder of the file `from`. */
export function resolvePath(from: string, path: string): string {
  return path.startsWith('/')
    ? normalize(path)
    : normalize(`${from.slice(0, from.lastIndexOf('/'))}/${path}`)
}

export function normalize(path: string): string {
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return out.join('/')
}

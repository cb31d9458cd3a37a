import * as fs from 'node:fs'
import * as path from 'node:path'

/** Every file below a folder, as paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name)
      if (entry.isDirectory()) walk(child)
      else if (entry.isFile()) out.push(child)
    }
  }
  walk('')
  return out.sort()
}

export function copyFile(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  fs.copyFileSync(from, to)
}

export function writeFile(to: string, content: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  fs.writeFileSync(to, content)
}

export function folderSize(dir: string, skip: (relative: string) => boolean = () => false): number {
  let total = 0
  for (const file of listFiles(dir)) {
    if (!skip(file)) total += fs.statSync(path.join(dir, file)).size
  }
  return total
}

/**
 * Objects on disk, surviving restarts: `<dir>/<sha256 of path>.bin` holds the bytes and
 * `<sha256 of path>.json` the info. Hashed names rather than a mirror of the cloud paths because
 * object keys are not file names: `a` and `a/b` can both exist, and a long Chinese path can exceed
 * the file-name limit once encoded. Writes go through a temp file and a rename so a crash never
 * leaves half a file.
 */
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { type ObjectStore, type StoredObjectInfo } from './objectStore'

function writeAtomically(file: string, data: Buffer | string): void {
  const temp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temp, data)
  fs.renameSync(temp, file)
}

function isStoredObjectInfo(value: unknown): value is StoredObjectInfo {
  const info = value as Partial<StoredObjectInfo> | null
  return (
    typeof info === 'object' &&
    info !== null &&
    typeof info.path === 'string' &&
    typeof info.envName === 'string' &&
    typeof info.size === 'number' &&
    typeof info.uploadedAt === 'string'
  )
}

export function createDiskObjectStore(dir: string): ObjectStore {
  fs.mkdirSync(dir, { recursive: true })
  const baseName = (cloudPath: string) =>
    path.join(dir, createHash('sha256').update(cloudPath).digest('hex'))

  const readInfo = (infoFile: string): StoredObjectInfo | undefined => {
    try {
      const info: unknown = JSON.parse(fs.readFileSync(infoFile, 'utf8'))
      return isStoredObjectInfo(info) ? info : undefined
    } catch {
      return undefined
    }
  }

  return {
    put(info, bytes) {
      const base = baseName(info.path)
      // Bytes first: an info file always has its bytes next to it.
      writeAtomically(`${base}.bin`, bytes)
      writeAtomically(`${base}.json`, JSON.stringify(info, null, 2))
    },
    get(cloudPath) {
      const base = baseName(cloudPath)
      const info = readInfo(`${base}.json`)
      if (!info || info.path !== cloudPath) return undefined
      try {
        return { info, bytes: fs.readFileSync(`${base}.bin`) }
      } catch {
        return undefined
      }
    },
    has(cloudPath) {
      return readInfo(`${baseName(cloudPath)}.json`)?.path === cloudPath
    },
    delete(cloudPath) {
      const base = baseName(cloudPath)
      if (readInfo(`${base}.json`)?.path !== cloudPath) return false
      // Info first: without it the object no longer exists, even if removing the bytes fails.
      fs.rmSync(`${base}.json`, { force: true })
      fs.rmSync(`${base}.bin`, { force: true })
      return true
    },
    list() {
      return fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .flatMap((name) => readInfo(path.join(dir, name)) ?? [])
    },
  }
}

import { type ObjectStore, type StoredObjectInfo } from './objectStore'

export function createMemoryObjectStore(): ObjectStore {
  const objects = new Map<string, { info: StoredObjectInfo; bytes: Buffer }>()
  return {
    // Copies, so a caller reusing its buffer cannot change a stored file.
    put: (info, bytes) => objects.set(info.path, { info: { ...info }, bytes: Buffer.from(bytes) }),
    get: (path) => {
      const stored = objects.get(path)
      return stored && { info: { ...stored.info }, bytes: Buffer.from(stored.bytes) }
    },
    has: (path) => objects.has(path),
    delete: (path) => objects.delete(path),
    list: () => [...objects.values()].map((stored) => ({ ...stored.info })),
  }
}

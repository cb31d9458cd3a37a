/** Where uploaded bytes live: in memory for tests, on disk for the local cloud. */

/** What is known about a stored file besides its bytes. */
export interface StoredObjectInfo {
  /** The cloud path, e.g. `avatars/a b.png`: the key of the object. */
  path: string
  /** The env it was uploaded from: its fileID is `cloud://<envName>.<bucket>/<path>`. */
  envName: string
  size: number
  /** ISO 8601. */
  uploadedAt: string
}

export interface ObjectStore {
  /** Stores (or replaces) the object at `info.path`. */
  put(info: StoredObjectInfo, bytes: Buffer): void
  get(path: string): { info: StoredObjectInfo; bytes: Buffer } | undefined
  has(path: string): boolean
  /** Whether there was something to delete. */
  delete(path: string): boolean
  list(): StoredObjectInfo[]
}

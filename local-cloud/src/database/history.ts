/**
 * Old versions of documents, kept only while a transaction may still need to read them: the
 * snapshot half of snapshot isolation. A version records the commit sequence it was written at
 * and the one that replaced it.
 */
import type { Document } from './ejson'

export interface Version {
  data: Document | null
  /** Sequence the version was written at (0 for "did not exist"). */
  from: number
  /** Sequence of the write that replaced it. */
  until: number
}

export class History {
  private readonly versions = new Map<string, Version[]>()

  static key(collection: string, id: string): string {
    return `${collection}\u0000${id}`
  }

  record(collection: string, id: string, version: Version): void {
    const key = History.key(collection, id)
    const list = this.versions.get(key)
    if (list) list.push(version)
    else this.versions.set(key, [version])
  }

  /** The version current at `snapshot`, if the history holds it. */
  at(collection: string, id: string, snapshot: number): Version | undefined {
    return this.versions
      .get(History.key(collection, id))
      ?.find((v) => v.from <= snapshot && snapshot < v.until)
  }

  /**
   * The sequence of the last write the history holds for a document: for one removed since an
   * open snapshot, the removal's (the table no longer has a row to carry it).
   */
  lastWrite(collection: string, id: string): number | undefined {
    const list = this.versions.get(History.key(collection, id))
    return list?.reduce((last, v) => Math.max(last, v.until), 0)
  }

  /** Forgets versions that no open snapshot can see. */
  prune(oldestSnapshot: number | null): void {
    if (oldestSnapshot === null) return this.versions.clear()
    for (const [key, list] of this.versions) {
      const kept = list.filter((v) => v.until > oldestSnapshot)
      if (kept.length === 0) this.versions.delete(key)
      else this.versions.set(key, kept)
    }
  }
}

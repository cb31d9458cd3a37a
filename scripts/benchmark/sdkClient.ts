/**
 * The real wx-server-sdk, configured as in a cloud function, with typings for the few calls the
 * benchmark makes. It reads TCB_CONTEXT_CNFG on every request, so one SDK instance can be pointed
 * at the floor, then at a local cloud, exactly as the cloud configures it.
 */
import './cloudEnvironment'
import * as cloud from 'wx-server-sdk'

type Doc = Record<string, unknown>

export interface BenchCollection {
  doc(id: string): {
    get(): Promise<{ data: Doc | null }>
    update(options: { data: Doc }): Promise<{ stats: { updated: number } }>
  }
  add(options: { data: Doc }): Promise<{ _id: string }>
  where(filter: Doc): {
    orderBy(
      field: string,
      order: 'asc' | 'desc',
    ): { limit(n: number): { get(): Promise<{ data: Doc[] }> } }
  }
}

export interface BenchDatabase {
  command: { inc(n: number): unknown }
  collection(name: string): BenchCollection
}

export function openDatabase(): BenchDatabase {
  cloud.init({ env: 'bench' })
  return cloud.database({ throwOnNotFound: false } as never) as unknown as BenchDatabase
}

/** Where the next SDK calls go: `<baseUrl>/admin`, through the variable the cloud sets. */
export function pointSdkAt(baseUrl: string): void {
  process.env['TCB_CONTEXT_CNFG'] = JSON.stringify({ URL: `${baseUrl}/admin` })
}

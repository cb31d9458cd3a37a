/**
 * The one typed doorway to wx-server-sdk. Its own typings are loose (`get()` answers `any`,
 * DYNAMIC_CURRENT_ENV is a symbol), so every function goes through the small interfaces here.
 */
import * as sdk from 'wx-server-sdk'

export interface WxContext {
  /** The caller's openid; empty when no WeChat user called (timers, console). */
  OPENID?: string
  APPID?: string
  UNIONID?: string
  SOURCE?: string
  ENV?: string
}

export interface UpdateStats {
  stats: { updated: number }
}
export interface RemoveStats {
  stats: { removed: number }
}

export interface DocumentRef<T> {
  get(): Promise<{ data: (T & { _id: string }) | null }>
  set(options: {
    data: Omit<T, '_id'>
  }): Promise<{ _id: string; stats: { updated: number; created: number } }>
  update(options: { data: Record<string, unknown> }): Promise<UpdateStats>
  remove(): Promise<RemoveStats>
}

export interface Query<T> {
  where(condition: Record<string, unknown>): Query<T>
  orderBy(field: string, order: 'asc' | 'desc'): Query<T>
  skip(n: number): Query<T>
  limit(n: number): Query<T>
  field(projection: Record<string, boolean>): Query<T>
  get(): Promise<{ data: Array<T & { _id: string }> }>
  count(): Promise<{ total: number }>
  update(options: { data: Record<string, unknown> }): Promise<UpdateStats>
  remove(): Promise<RemoveStats>
}

export interface Collection<T> extends Query<T> {
  doc(id: string): DocumentRef<T>
  add(options: { data: T | T[] }): Promise<{ _id: string; _ids?: string[] }>
  aggregate(): Aggregate
}

/** An aggregation pipeline; each stage answers the pipeline so far. */
export interface Aggregate {
  match(condition: Record<string, unknown>): Aggregate
  group(group: Record<string, unknown>): Aggregate
  sort(order: Record<string, 1 | -1>): Aggregate
  skip(n: number): Aggregate
  limit(n: number): Aggregate
  project(projection: Record<string, unknown>): Aggregate
  /** Replaces the rows with one row `{ [field]: how many rows there were }`. */
  count(field: string): Aggregate
  /** The rows, of the shape the pipeline's last stage gives them (the caller names it). */
  end<Row = Record<string, unknown>>(): Promise<{ list: Row[] }>
}

/** Query or aggregation operators by name (`_.in`, `$.sum`…). */
export type Operators = Record<string, (...args: unknown[]) => unknown>

export interface Transaction {
  collection<T = Record<string, unknown>>(
    name: string,
  ): {
    doc(id: string): DocumentRef<T>
    add(options: { data: T }): Promise<{ _id: string }>
  }
  rollback(reason?: unknown): Promise<void>
}

export interface Database {
  collection<T = Record<string, unknown>>(name: string): Collection<T>
  command: Operators & { aggregate: Operators }
  serverDate(options?: { offset?: number }): unknown
  runTransaction<R>(callback: (transaction: Transaction) => Promise<R>, times?: number): Promise<R>
  createCollection(name: string): Promise<unknown>
}

export interface Cloud {
  database(): Database
  wxContext(): WxContext
  /** The raw SDK for what these interfaces do not cover yet (openapi, storage). */
  sdk: typeof sdk
}

let initialised = false

/** Initialises the SDK once per warm instance, against the environment the function runs in. */
export function getCloud(): Cloud {
  if (!initialised) {
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string, throwOnNotFound: false } as never)
    initialised = true
  }
  return {
    database: () => sdk.database({ throwOnNotFound: false } as never) as unknown as Database,
    wxContext: () => sdk.getWXContext() as WxContext,
    sdk,
  }
}

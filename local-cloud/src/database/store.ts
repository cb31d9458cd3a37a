/**
 * The document store: one SQLite table per collection (`id`, relaxed-EJSON `data`, commit `seq`),
 * a key column per indexed path (see sortKey.ts) under SQLite indexes, Mongo semantics from mingo.
 * better-sqlite3 is synchronous, so each request's reads and writes happen without interleaving:
 * conditional updates are atomic, as in the cloud.
 */
import Database from 'better-sqlite3'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { TcbError } from '../protocol/tcbError'
import { idKey, isStringKey } from './documentIds'
import { deserializeDocument, serializeDocument, type Document } from './ejson'
import { findDocuments } from './engine'
import { History } from './history'
import { geoPaths, type IndexDeclaration } from './indexDeclaration'
import { nearQueryOf, sortByDistance } from './nearQuery'
import { probePath } from './paths'
import { keyColumn, planQuery, type Plan } from './queryPlan'
import { keyOf } from './sortKey'

/** Production's per-document limit. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/
/** WAL pages after which a checkpoint runs even while writes go on. */
const WAL_CAP_PAGES = 16_000

export interface FindSpec {
  filter: Document
  sort?: Array<[string, 1 | -1]>
  skip?: number
  limit?: number
  projection?: Document
}

interface CollectionState {
  table: string
  indexes: IndexDeclaration[]
  indexedPaths: Set<string>
  /** The indexed paths in column order: each has a key column computed on every write. */
  keyPaths: string[]
  /** Indexed paths that have held an array or object: the planner leaves them to mingo. */
  nonScalarPaths: Set<string>
  /** Paths under a 2dsphere index: the only ones `$nearSphere` may query. */
  geoPaths: Set<string>
  /** Writes of a whole document with its key columns: as an insert, and as insert-or-replace. */
  insertSql: string
  upsertSql: string
}

export class Store {
  readonly db: Database.Database
  readonly history = new History()
  private readonly collections = new Map<string, CollectionState>()
  private sequence = 0
  /** Snapshots of open transactions; history is kept only while one is open. */
  private readonly openSnapshots = new Map<string, number>()
  /**
   * Where-queries that no declared index served (filter fields and sort), newest last: a
   * project's tests can assert that every list query has its index, as the cloud will need.
   */
  readonly unindexedQueries: Array<{ collection: string; fields: string[]; sort: string[] }> = []
  /** Prepared once: preparing on a table with expression indexes costs more than running. */
  private readonly statements = new Map<string, Database.Statement>()

  private readonly idleCheckpoints: NodeJS.Timeout | null = null
  private sequenceAtLastTick = 0
  private checkpointedSequence = 0

  constructor(
    file: string | null,
    options: { idleCheckpointMs: number } = { idleCheckpointMs: 500 },
  ) {
    if (file) fs.mkdirSync(path.dirname(file), { recursive: true })
    this.db = new Database(file ?? ':memory:')
    // WAL + NORMAL: a committed write is in the OS's hands before we answer, so it survives the
    // process being killed (kill -9); only a power cut could lose the last moments.
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    // One process owns the store: no shared-memory locking per transaction, and a second server
    // started on the same folder fails at once instead of interleaving writes.
    this.db.pragma('locking_mode = EXCLUSIVE')
    // Keep the working set in memory: SQLite's default 2 MB cache makes a 100,000-document
    // collection read its pages back through the OS on every write.
    this.db.pragma('cache_size = -65536')
    this.db.pragma('mmap_size = 268435456')
    this.db.pragma('temp_store = MEMORY')
    // Checkpoints (copying the WAL into the database file) run when writes pause, not every
    // 1,000 pages as SQLite would: a write then costs 11 µs instead of 20. A burst that never
    // pauses still checkpoints at 16,000 pages (64 MB of WAL), in a pause of some 70 ms.
    this.db.pragma(`wal_autocheckpoint = ${WAL_CAP_PAGES}`)
    this.db.pragma(`journal_size_limit = ${WAL_CAP_PAGES * 4096}`)
    if (file) {
      this.idleCheckpoints = setInterval(() => this.checkpointIfIdle(), options.idleCheckpointMs)
      this.idleCheckpoints.unref()
    }
    this.db
      .exec(`CREATE TABLE IF NOT EXISTS jl_collections (name TEXT PRIMARY KEY, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS jl_non_scalar_paths (collection TEXT, path TEXT, PRIMARY KEY (collection, path));
      CREATE TABLE IF NOT EXISTS jl_key_paths (collection TEXT PRIMARY KEY, paths TEXT NOT NULL);`)
    for (const row of this.db.prepare('SELECT name FROM jl_collections').all() as Array<{
      name: string
    }>) {
      this.load(row.name)
    }
  }

  close(): void {
    if (this.idleCheckpoints) clearInterval(this.idleCheckpoints)
    this.db.close()
  }

  /** Checkpoints once writes have paused for a whole tick: no request waits for it. */
  private checkpointIfIdle(): void {
    const quiet = this.sequence === this.sequenceAtLastTick
    this.sequenceAtLastTick = this.sequence
    if (!quiet || this.sequence === this.checkpointedSequence || this.db.inTransaction) return
    this.db.pragma('wal_checkpoint(PASSIVE)')
    this.checkpointedSequence = this.sequence
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text)
    if (!statement) {
      statement = this.db.prepare(text)
      this.statements.set(text, statement)
    }
    return statement
  }

  get currentSequence(): number {
    return this.sequence
  }

  // ---- collections ------------------------------------------------------------------------

  listCollections(): string[] {
    return [...this.collections.keys()].sort()
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  createCollection(name: string): void {
    if (!COLLECTION_NAME.test(name)) {
      throw new TcbError('INVALID_PARAM', `invalid collection name: ${name.slice(0, 80)}`)
    }
    if (this.collections.has(name)) {
      throw new TcbError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`)
    }
    const table = tableOf(name)
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, data TEXT NOT NULL, seq INTEGER NOT NULL)`,
    )
    this.db
      .prepare('INSERT INTO jl_collections (name, created_at) VALUES (?, ?)')
      .run(name, new Date().toISOString())
    this.load(name)
  }

  /** The collection's state, or production's error for a collection that does not exist. */
  collection(name: string): CollectionState {
    const state = this.collections.get(name)
    if (!state) {
      throw new TcbError(
        'DATABASE_COLLECTION_NOT_EXIST',
        `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request.`,
      )
    }
    return state
  }

  private load(name: string): void {
    const nonScalar = this.db
      .prepare('SELECT path FROM jl_non_scalar_paths WHERE collection = ?')
      .all(name) as Array<{ path: string }>
    const max = this.db.prepare(`SELECT MAX(seq) AS seq FROM ${tableOf(name)}`).get() as {
      seq: number | null
    }
    this.sequence = Math.max(this.sequence, max.seq ?? 0)
    this.collections.set(name, {
      table: tableOf(name),
      indexes: [],
      indexedPaths: new Set(),
      keyPaths: [],
      nonScalarPaths: new Set(nonScalar.map((row) => row.path)),
      geoPaths: new Set(),
      ...writeStatements(tableOf(name), []),
    })
  }

  /** Applies declared indexes: created, changed ones rebuilt, undeclared ones dropped. */
  declareIndexes(name: string, indexes: IndexDeclaration[]): void {
    const state = this.collection(name)
    const prefix = `i_${name}_`
    // Key columns first: a new unique index must see every document's keys.
    this.setKeyPaths(name, state, indexes)
    const existing = this.db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?")
      .all(state.table.slice(1, -1)) as Array<{ name: string; sql: string | null }>
    // A 2dsphere key has no SQLite index: geo queries are answered in JS.
    const wanted = new Map(
      indexes
        .filter((index) => geoPaths(index).length < Object.keys(index.keys).length)
        .map((index) => [
          `${prefix}${index.name}`,
          indexSql(state.table, `${prefix}${index.name}`, index),
        ]),
    )
    for (const index of existing) {
      if (index.name.startsWith(prefix) && wanted.get(index.name) !== index.sql) {
        this.db.exec(`DROP INDEX "${index.name}"`)
      }
    }
    const present = new Set(existing.map((index) => index.name))
    for (const [indexName, sql] of wanted) {
      if (!present.has(indexName) || existing.find((i) => i.name === indexName)?.sql !== sql) {
        try {
          this.db.exec(sql)
        } catch (error) {
          throw duplicateKeyError(error, name, indexes) ?? error
        }
      }
    }
  }

  /**
   * Adds a key column for each indexed path and fills it for every document, so that writes and
   * indexes never call back into JS or re-parse JSON.
   */
  private setKeyPaths(name: string, state: CollectionState, indexes: IndexDeclaration[]): void {
    state.indexes = indexes
    state.geoPaths = new Set(indexes.flatMap(geoPaths))
    state.keyPaths = [...new Set(indexes.flatMap((index) => Object.keys(index.keys)))].filter(
      (p) => p !== '_id' && !state.geoPaths.has(p),
    )
    state.indexedPaths = new Set(state.keyPaths)
    Object.assign(state, writeStatements(state.table, state.keyPaths))
    const columns = new Set(
      (this.db.prepare(`PRAGMA table_info(${state.table})`).all() as Array<{ name: string }>).map(
        (c) => c.name,
      ),
    )
    for (const path of state.keyPaths) {
      if (!columns.has(`k:${path}`))
        this.db.exec(`ALTER TABLE ${state.table} ADD COLUMN ${keyColumn(path)} BLOB`)
    }
    // Refill the key columns only when the indexed paths changed: not on every start.
    const applied = JSON.stringify(state.keyPaths)
    const previous = this.db
      .prepare('SELECT paths FROM jl_key_paths WHERE collection = ?')
      .get(name) as { paths: string } | undefined
    if (previous?.paths === applied) return
    this.atomically(() => {
      if (state.keyPaths.length > 0) {
        const update = this.db.prepare(
          `UPDATE ${state.table} SET ${state.keyPaths.map((p) => `${keyColumn(p)} = ?`).join(', ')} WHERE id = ?`,
        )
        const rows = this.db.prepare(`SELECT id, data FROM ${state.table}`).all() as Array<{
          id: string
          data: string
        }>
        for (const row of rows)
          update.run(...this.keysOf(name, state, deserializeDocument(row.data)), row.id)
      }
      this.db
        .prepare('INSERT OR REPLACE INTO jl_key_paths (collection, paths) VALUES (?, ?)')
        .run(name, applied)
    })
  }

  /** Each indexed path's sort key, noting (once) the paths that turn out to hold arrays or objects. */
  private keysOf(name: string, state: CollectionState, doc: Document): Buffer[] {
    return state.keyPaths.map((path) => this.keyAt(name, state, doc, path))
  }

  private keyAt(name: string, state: CollectionState, doc: Document, path: string): Buffer {
    const probe = probePath(doc, path)
    if ((probe.crossesArray || probe.isObject) && !state.nonScalarPaths.has(path)) {
      state.nonScalarPaths.add(path)
      this.sql('INSERT OR IGNORE INTO jl_non_scalar_paths (collection, path) VALUES (?, ?)').run(
        name,
        path,
      )
    }
    return keyOf(probe.value)
  }

  /**
   * The key columns an update changes, with their new keys. Only SET those: SQLite rewrites the
   * index entries of every column an UPDATE sets. Paths the update did not touch keep their keys.
   */
  private changedKeys(
    name: string,
    state: CollectionState,
    before: Document,
    after: Document,
    touched: string[] | undefined,
  ): Array<[string, Buffer]> {
    const changed: Array<[string, Buffer]> = []
    for (const path of state.keyPaths) {
      if (touched && !touched.some((t) => overlaps(t, path))) continue
      const key = this.keyAt(name, state, after, path)
      if (!key.equals(keyOf(probePath(before, path).value))) changed.push([path, key])
    }
    return changed
  }

  // ---- reads ------------------------------------------------------------------------------

  getById(name: string, id: string): Document | null {
    const text = this.getTextById(name, id)
    return text === null ? null : deserializeDocument(text)
  }

  /** The stored relaxed-EJSON text: exactly what the wire wants, no re-encoding. */
  getTextById(name: string, id: string): string | null {
    const table = this.collection(name).table
    const row = this.sql(`SELECT data FROM ${table} WHERE id = ?`).get(id) as
      { data: string } | undefined
    return row ? row.data : null
  }

  /** The document as a transaction with this snapshot sees it. */
  getAtSnapshot(name: string, id: string, snapshot: number): Document | null {
    const table = this.collection(name).table
    const row = this.sql(`SELECT data, seq FROM ${table} WHERE id = ?`).get(id) as
      { data: string; seq: number } | undefined
    if (row && row.seq <= snapshot) return deserializeDocument(row.data)
    return this.history.at(name, id, snapshot)?.data ?? null
  }

  /**
   * The sequence of the last write to a document, a removal included while an open snapshot may
   * have seen it (so a transaction that read it conflicts instead of writing it back); null when
   * no open snapshot can have seen it.
   */
  sequenceOf(name: string, id: string): number | null {
    const table = this.collection(name).table
    const row = this.sql(`SELECT seq FROM ${table} WHERE id = ?`).get(id) as
      { seq: number } | undefined
    return row ? row.seq : (this.history.lastWrite(name, id) ?? null)
  }

  find(name: string, spec: FindSpec): Document[] {
    return this.findText(name, spec).map((doc) =>
      typeof doc === 'string' ? deserializeDocument(doc) : doc,
    )
  }

  /**
   * The answer as stored text where SQL answered the whole query (nothing to re-encode on the
   * way out), as documents where JS had to finish it.
   */
  findText(name: string, spec: FindSpec): Array<string | Document> {
    const state = this.collection(name)
    const sort = spec.sort ?? []
    const near = nearQueryOf(spec.filter, name, state.geoPaths)
    if (near) return this.findNear(name, spec, near)
    const plan = this.plan(state, spec.filter, sort)
    let sql = `SELECT data FROM ${state.table} WHERE ${plan.where}`
    const params = [...plan.params]
    const pushDown = plan.exact && (sort.length === 0 || plan.orderBy !== null)
    // A declared index on an array path serves the query in the cloud (multikey), even though
    // this store scans for it: only queries no declared index could serve are noted.
    const declared = (path: string) => state.indexedPaths.has(path) || state.geoPaths.has(path)
    if (!plan.indexed && !Object.keys(spec.filter).some(declared)) {
      this.noteUnindexed(name, spec.filter, sort)
    }
    if (pushDown) {
      if (plan.orderBy) sql += ` ORDER BY ${plan.orderBy}`
      sql += ' LIMIT ? OFFSET ?'
      params.push(spec.limit ?? -1, spec.skip ?? 0)
    }
    const rows = this.sql(sql).all(...params) as Array<{ data: string }>
    const projection =
      spec.projection && Object.keys(spec.projection).length > 0 ? spec.projection : null
    if (pushDown && !projection) return rows.map((row) => row.data)
    const docs = rows.map((row) => deserializeDocument(row.data))
    if (pushDown) return project(docs, projection!)
    return finish(docs, spec)
  }

  /**
   * A `$nearSphere` query: nearest first, unless the query sorts itself ("If you also include a
   * sort() for the query, sort() re-orders the matching documents, effectively overriding the
   * sort operation already performed by $nearSphere", MongoDB manual, $nearSphere).
   */
  private findNear(
    name: string,
    spec: FindSpec,
    near: NonNullable<ReturnType<typeof nearQueryOf>>,
  ): Document[] {
    const matching = findDocuments(this.all(name), spec.filter)
    return findDocuments(
      sortByDistance(matching, near),
      {},
      {
        sort: spec.sort,
        skip: spec.skip,
        limit: spec.limit,
        projection: spec.projection,
      },
    )
  }

  count(name: string, filter: Document): number {
    const state = this.collection(name)
    const plan = this.plan(state, filter, [])
    if (plan.exact) {
      const row = this.db
        .prepare(`SELECT COUNT(*) AS n FROM ${state.table} WHERE ${plan.where}`)
        .get(...plan.params) as {
        n: number
      }
      return row.n
    }
    return this.find(name, { filter }).length
  }

  /** Every document, for aggregation pipelines and the dashboard. */
  all(name: string): Document[] {
    const rows = this.db.prepare(`SELECT data FROM ${this.collection(name).table}`).all() as Array<{
      data: string
    }>
    return rows.map((row) => deserializeDocument(row.data))
  }

  /** The paths under the collection's 2dsphere indexes. */
  geoPaths(name: string): string[] {
    return [...this.collection(name).geoPaths]
  }

  /** How a query would run: for tests that hold the planner to serving a query from SQL alone. */
  explain(name: string, filter: Document, sort: Array<[string, 1 | -1]> = []): Plan {
    return this.plan(this.collection(name), filter, sort)
  }

  private noteUnindexed(collection: string, filter: Document, sort: Array<[string, 1 | -1]>): void {
    if (this.unindexedQueries.length >= 1000) this.unindexedQueries.shift()
    this.unindexedQueries.push({
      collection,
      fields: Object.keys(filter),
      sort: sort.map(([field]) => field),
    })
  }

  private plan(state: CollectionState, filter: Document, sort: Array<[string, 1 | -1]>): Plan {
    return planQuery(
      {
        isScalarIndexed: (p) => state.indexedPaths.has(p) && !state.nonScalarPaths.has(p),
        idsAreStrings: () => !state.nonScalarPaths.has('_id'),
      },
      filter,
      sort,
    )
  }

  // ---- writes -----------------------------------------------------------------------------

  /** Runs writes all-or-nothing (a nested call joins the outer transaction). */
  atomically<T>(work: () => T): T {
    return this.db.inTransaction ? work() : this.db.transaction(work)()
  }

  /**
   * Writes one document (null deletes it), keeping history for open snapshots and index
   * bookkeeping. Throws production's errors for duplicates and oversized documents.
   */
  write(
    name: string,
    id: string,
    doc: Document | null,
    /**
     * mustNotExist: an insert. replacing: an update of this stored version, just read, which
     * changed only `touched` paths when the caller knows them.
     */
    options: { mustNotExist?: boolean; replacing?: Document; touched?: string[] } = {},
  ): void {
    const state = this.collection(name)
    // The old version is read only to keep it for open snapshots.
    const previous =
      this.openSnapshots.size > 0
        ? (this.sql(`SELECT data, seq FROM ${state.table} WHERE id = ?`).get(id) as
            { data: string; seq: number } | undefined)
        : undefined
    const seq = this.sequence + 1
    try {
      if (doc === null) {
        this.sql(`DELETE FROM ${state.table} WHERE id = ?`).run(id)
      } else {
        // A document carries its own _id (any type); `id` is that _id's key (documentIds.ts). A
        // document whose _id names another key (a copy of one under a new id) takes `id`.
        const own = doc['_id'] !== undefined && idKey(doc['_id']) === id
        const text = serializeDocument(own ? doc : { ...doc, _id: id })
        if (Buffer.byteLength(text) > MAX_DOCUMENT_BYTES) {
          throw new TcbError(
            'DATABASE_REQUEST_FAILED',
            `document is too large: the limit is 16MB (${name}/${id})`,
          )
        }
        if (options.replacing) {
          const changed = this.changedKeys(name, state, options.replacing, doc, options.touched)
          const keys = changed.map(([path]) => `, ${keyColumn(path)} = ?`).join('')
          this.sql(`UPDATE ${state.table} SET data = ?, seq = ?${keys} WHERE id = ?`).run(
            text,
            seq,
            ...changed.map(([, key]) => key),
            id,
          )
        } else {
          // A plain INSERT lets the primary key report a duplicate _id, with no read first.
          const statement = options.mustNotExist ? state.insertSql : state.upsertSql
          this.sql(statement).run(id, text, seq, ...this.keysOf(name, state, doc))
        }
      }
    } catch (error) {
      throw duplicateKeyError(error, name, state.indexes) ?? error
    }
    this.sequence = seq
    if (!isStringKey(id)) this.noteNonStringId(name, state)
    if (this.openSnapshots.size > 0) {
      this.history.record(name, id, {
        data: previous ? deserializeDocument(previous.data) : null,
        from: previous ? previous.seq : 0,
        until: seq,
      })
    }
  }

  /** Once a collection holds a non-string _id, SQLite's order of keys is no longer MongoDB's. */
  private noteNonStringId(name: string, state: CollectionState): void {
    if (state.nonScalarPaths.has('_id')) return
    state.nonScalarPaths.add('_id')
    this.sql('INSERT OR IGNORE INTO jl_non_scalar_paths (collection, path) VALUES (?, ?)').run(
      name,
      '_id',
    )
  }

  // ---- snapshots ----------------------------------------------------------------------------

  openSnapshot(owner: string): number {
    this.openSnapshots.set(owner, this.sequence)
    return this.sequence
  }

  closeSnapshot(owner: string): void {
    this.openSnapshots.delete(owner)
    const oldest = this.openSnapshots.size > 0 ? Math.min(...this.openSnapshots.values()) : null
    this.history.prune(oldest)
  }

  /** Empties every collection (npm run reset, test isolation); collections stay declared. */
  clear(): void {
    for (const state of this.collections.values()) this.db.exec(`DELETE FROM ${state.table}`)
    this.db.exec('DELETE FROM jl_non_scalar_paths')
    for (const state of this.collections.values()) state.nonScalarPaths.clear()
  }
}

function writeStatements(
  table: string,
  keyPaths: string[],
): Pick<CollectionState, 'insertSql' | 'upsertSql'> {
  const columns = ['id', 'data', 'seq', ...keyPaths.map(keyColumn)]
  const insertSql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
  const replaceAll = columns
    .slice(1)
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')
  return { insertSql, upsertSql: `${insertSql} ON CONFLICT(id) DO UPDATE SET ${replaceAll}` }
}

/** Whether changing one path can change the other: the same, or one inside the other. */
function overlaps(a: string, b: string): boolean {
  return a === b || b.startsWith(`${a}.`) || a.startsWith(`${b}.`)
}

function tableOf(collection: string): string {
  return `"c_${collection}"`
}

function indexSql(table: string, indexName: string, index: IndexDeclaration): string {
  const columns = Object.entries(index.keys)
    .filter(([, direction]) => direction !== '2dsphere')
    .map(
      ([field, direction]) =>
        `${field === '_id' ? 'id' : keyColumn(field)}${direction === -1 ? ' DESC' : ''}`,
    )
    .join(', ')
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX "${indexName}" ON ${table} (${columns})`
}

/** SQLite's unique violation, worded as MongoDB's E11000 as the cloud reports it. */
function duplicateKeyError(
  error: unknown,
  collection: string,
  indexes: IndexDeclaration[] = [],
): TcbError | null {
  const code = (error as { code?: string }).code
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return null
  // SQLite names the key columns ("UNIQUE constraint failed: c_x.k:a, c_x.k:b"): find their index.
  const columns = /constraint failed: (.+)$/
    .exec((error as Error).message)?.[1]
    ?.split(', ')
    .map((column) => column.slice(column.indexOf('.') + 1).replace(/^k:/, ''))
  const index = indexes.find(
    (candidate) => candidate.unique && sameKeys(Object.keys(candidate.keys), columns ?? []),
  )
  return new TcbError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${collection} index: ${index ? index.name : '_id_'}`,
  )
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i])
}

/** Filter, sort, skip, limit and project in JS: the exact answer for what SQL only narrowed. */
function finish(docs: Document[], spec: FindSpec): Document[] {
  return findDocuments(docs, spec.filter, spec)
}

function project(docs: Document[], projection: Document): Document[] {
  if (Object.keys(projection).length === 0) return docs
  return findDocuments(docs, {}, { projection })
}

/** Projects documents already in hand (a `doc().field().get()`). */
export function projectDocuments(docs: Document[], projection: Document): Document[] {
  return project(docs, projection)
}

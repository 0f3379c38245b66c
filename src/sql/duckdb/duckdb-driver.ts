import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBResultReader,
  DuckDBTypeId,
} from '@duckdb/node-api'
import type { BulkFormat, Connection, Row } from '../driver.js'
import type { Fragment, SqlValue } from '../fragment.js'
import { duckdbDialect } from './duckdb-dialect.js'

// Exact numeric types arrive as strings from the JSON getters; analytics want numbers. Values beyond
// 2^53 cannot occur for counts here, and money (DECIMAL(18,4)) stays below 9e11 in practice.
const NUMERIC_AS_TEXT = new Set<number>([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL,
])

function normalise(result: DuckDBResultReader): Row[] {
  return normaliseRows(result.getRowObjectsJson() as Row[], numericColumns(result))
}

function numericColumns(result: { columnNames(): string[]; columnTypes(): { typeId: DuckDBTypeId }[] }) {
  const types = result.columnTypes()
  return result.columnNames().filter((_, i) => NUMERIC_AS_TEXT.has(types[i]!.typeId))
}

function normaliseRows(rows: Row[], numeric: readonly string[]): Row[] {
  if (numeric.length === 0) return rows
  for (const row of rows) {
    for (const name of numeric) {
      const v = row[name]
      if (typeof v === 'string') row[name] = Number(v)
    }
  }
  return rows
}

function appendValue(appender: DuckDBAppender, value: SqlValue | undefined): void {
  if (value === null || value === undefined) appender.appendNull()
  else if (typeof value === 'string') appender.appendVarchar(value)
  else if (typeof value === 'number') appender.appendDouble(value)
  else if (typeof value === 'bigint') appender.appendBigInt(value)
  else if (typeof value === 'boolean') appender.appendBoolean(value)
  else appender.appendVarchar(value.toISOString())
}

/** Appends one value to a column of the given type: the matching typed call, else the generic path. */
function writerFor(appender: DuckDBAppender, typeId: DuckDBTypeId): (value: SqlValue | undefined) => void {
  if (typeId === DuckDBTypeId.VARCHAR) {
    return (value) => {
      if (typeof value === 'string') appender.appendVarchar(value)
      else appendValue(appender, value)
    }
  }
  if (typeId === DuckDBTypeId.INTEGER) {
    return (value) => {
      if (typeof value === 'number' && Number.isInteger(value) && value <= 2147483647 && value >= -2147483648)
        appender.appendInteger(value)
      else appendValue(appender, value)
    }
  }
  return (value) => appendValue(appender, value)
}

const FORMAT_OPTIONS: Record<BulkFormat, string> = {
  csv: '(FORMAT csv, HEADER true)',
  parquet: '(FORMAT parquet, COMPRESSION zstd)',
  json: '(FORMAT json, ARRAY true)',
}
const READERS: Record<BulkFormat, string> = { csv: 'read_csv', parquet: 'read_parquet', json: 'read_json' }

class DuckDBStoreConnection implements Connection {
  readonly dialect = duckdbDialect
  private depth = 0

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly instance: DuckDBInstance,
    /** A reader opened from another connection: closing it must not close the shared instance. */
    private readonly ownsInstance = true,
  ) {}

  async openReader(): Promise<Connection> {
    // Same instance (one per file per process), its own connection: its own transactions and queue.
    return new DuckDBStoreConnection(await this.instance.connect(), this.instance, false)
  }

  async run(query: Fragment): Promise<void> {
    const { sql, parameters } = this.dialect.compile(query)
    await this.conn.run(sql, parameters.length ? (parameters as never) : undefined)
  }

  interrupt(): void {
    this.conn.interrupt()
  }

  async all<T extends Row = Row>(query: Fragment): Promise<T[]> {
    const { sql, parameters } = this.dialect.compile(query)
    const result = await this.conn.runAndReadAll(sql, parameters.length ? (parameters as never) : undefined)
    return normalise(result) as T[]
  }

  async one<T extends Row = Row>(query: Fragment): Promise<T | undefined> {
    return (await this.all<T>(query))[0]
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    // Nested calls join the outer transaction: DuckDB has no savepoints.
    if (this.depth > 0) return work()
    this.depth++
    await this.conn.run('BEGIN TRANSACTION')
    try {
      const result = await work()
      await this.conn.run('COMMIT')
      return result
    } catch (error) {
      await this.conn.run('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      this.depth--
    }
  }

  async append(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly SqlValue[]>,
  ): Promise<number> {
    const appender = await this.conn.createAppender(table)
    let count = 0
    try {
      if (appender.columnCount !== columns.length) {
        throw new Error(`append to ${table}: ${columns.length} values for ${appender.columnCount} columns`)
      }
      // One writer per column, chosen by its type once: the value-by-value type dispatch (and the engine's
      // cast of a double into an INTEGER column) was a good part of the cost of every staged row.
      const writers = columns.map((_, i) => writerFor(appender, appender.columnType(i).typeId))
      const width = writers.length
      for (const row of rows) {
        for (let i = 0; i < width; i++) writers[i]!(row[i])
        appender.endRow()
        count++
      }
      appender.flushSync()
    } finally {
      appender.closeSync()
    }
    return count
  }

  async *stream<T extends Row = Row>(query: Fragment): AsyncIterable<T[]> {
    const { sql, parameters } = this.dialect.compile(query)
    const result = await this.conn.stream(sql, parameters.length ? (parameters as never) : undefined)
    const numeric = numericColumns(result)
    for await (const rows of result.yieldRowObjectJson()) yield normaliseRows(rows as Row[], numeric) as T[]
  }

  async copyToFile(query: Fragment, path: string, format: BulkFormat): Promise<void> {
    const { sql, parameters } = this.dialect.compile(query)
    const target = `'${path.replaceAll("'", "''")}'`
    await this.conn.run(`COPY (${sql}) TO ${target} ${FORMAT_OPTIONS[format]}`, parameters as never)
  }

  async readFileAsTable(path: string, format: BulkFormat, table: string): Promise<void> {
    const reader = READERS[format]
    await this.conn.run(
      `CREATE OR REPLACE TEMP TABLE ${duckdbDialect.quoteIdent(table)} AS SELECT * FROM ${reader}($1)`,
      [path],
    )
  }

  async close(): Promise<void> {
    this.conn.closeSync()
    if (this.ownsInstance) this.instance.closeSync()
  }
}

/**
 * Opens (creating when missing) a DuckDB database file. `:memory:` gives a throwaway store for tests.
 * One instance per file per process: DuckDB does not share writes between two instances of one file.
 *
 * @example
 * const conn = await openDuckDB('./strata-data/strata.duckdb')
 */
export async function openDuckDB(path: string, options: { threads?: number; memoryLimit?: string } = {}) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const config: Record<string, string> = {}
  if (options.threads) config['threads'] = String(options.threads)
  if (options.memoryLimit) config['memory_limit'] = options.memoryLimit
  const instance = await DuckDBInstance.create(path, config)
  const conn = await instance.connect()
  return new DuckDBStoreConnection(conn, instance) as Connection
}

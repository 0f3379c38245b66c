import { mkdirSync } from 'node:fs'
import type { Connection, Row } from '../driver.js'
import type { SqlValue } from '../fragment.js'
import { ClickHouseConnection, type ClickHouseExecutor, SESSION_SETTINGS } from './clickhouse-connection.js'
import { clickhouseDialect } from './clickhouse-dialect.js'

interface ChdbResult {
  text(): string
}
interface ChdbStream extends AsyncIterable<{ rows<T>(): T[] }> {}
interface ChdbSession {
  queryStream(query: string, opts?: { format?: string }): ChdbStream
  queryStreamBind(query: string, params: object, opts?: { format?: string }): ChdbStream
  queryAsync(query: string, opts?: { format?: string }): Promise<ChdbResult>
  queryBindAsync(query: string, params: object, opts?: { format?: string }): Promise<ChdbResult>
  insert(params: {
    table: string
    values: string
    format: 'JSONCompactEachRow'
    columns?: readonly string[]
  }): Promise<unknown>
  close(): void
}
type ChdbModule = { Session: new (path?: string, opts?: { connectionArgs?: string[] }) => ChdbSession }

/** Parses JSONEachRow output: one JSON object per line. */
export function parseEachRow(text: string): Row[] {
  const rows: Row[] = []
  for (const line of text.split('\n')) if (line) rows.push(JSON.parse(line) as Row)
  return rows
}

const DATABASE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Opens an embedded ClickHouse (chdb) data directory and a database inside it (created when missing).
 * chdb binds one data directory per process; several connections to the same directory coexist, each
 * with its own current database, settings and temporary tables (a chdb session each).
 *
 * @example
 * const conn = await openChdb('./strata-data/chdb', 'strata')
 */
export async function openChdb(path: string, database = 'strata'): Promise<Connection> {
  if (!DATABASE_PATTERN.test(database))
    throw new Error(`database name ${JSON.stringify(database)} is not a plain name`)
  mkdirSync(path, { recursive: true })
  // Loaded on demand: the 550 MB engine is only needed by stores that choose it.
  const chdb = (await import('chdb')) as unknown as ChdbModule
  const args = Object.entries(SESSION_SETTINGS).map(([k, v]) => `--${k}=${v}`)
  const session = new chdb.Session(path, { connectionArgs: args })
  const dialect = clickhouseDialect()
  const quoted = dialect.quoteIdent(database)
  await session.queryAsync(`CREATE DATABASE IF NOT EXISTS ${quoted}`)
  await session.queryAsync(`USE ${quoted}`)
  const exec: ClickHouseExecutor = {
    async query(text: string, params: Record<string, SqlValue>) {
      const r = Object.keys(params).length
        ? await session.queryBindAsync(text, params, { format: 'JSONEachRow' })
        : await session.queryAsync(text, { format: 'JSONEachRow' })
      return parseEachRow(r.text())
    },
    async command(text: string, params: Record<string, SqlValue>) {
      if (Object.keys(params).length) await session.queryBindAsync(text, params, { format: 'Null' })
      else await session.queryAsync(text, { format: 'Null' })
    },
    async *stream(text: string, params: Record<string, SqlValue>) {
      const chunks = Object.keys(params).length
        ? session.queryStreamBind(text, params, { format: 'JSONEachRow' })
        : session.queryStream(text, { format: 'JSONEachRow' })
      for await (const chunk of chunks) yield chunk.rows<Row>()
    },
    async insertRows(table, columns, rows) {
      let lines = ''
      for (const row of rows) lines += `${JSON.stringify(row)}\n`
      // chdb checks the names itself (plain [A-Za-z0-9_] names, which every Strata table and column is).
      await session.insert({
        table,
        columns,
        values: lines,
        format: 'JSONCompactEachRow',
      })
    },
    async close() {
      session.close()
    },
  }
  return new ClickHouseConnection(dialect, exec)
}

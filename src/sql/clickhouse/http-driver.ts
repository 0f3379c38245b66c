import { randomUUID } from 'node:crypto'
import type { Connection, Row } from '../driver.js'
import type { SqlValue } from '../fragment.js'
import { ClickHouseConnection, type ClickHouseExecutor, SESSION_SETTINGS } from './clickhouse-connection.js'
import { clickhouseDialect } from './clickhouse-dialect.js'

export interface ClickHouseHttpOptions {
  readonly url: string
  readonly database: string
  readonly username?: string
  readonly password?: string
  /** Cluster name: tables become `<name>_local` MergeTree + `<name>` Distributed (see docs/clickhouse.md). */
  readonly cluster?: string
}

const DATABASE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Opens a ClickHouse server (or a cluster's entry node) over HTTP with `@clickhouse/client`. Values are
 * sent as typed query parameters (`param_p1=…`), never in the SQL text. The connection holds one HTTP
 * session (`session_id`), which keeps its temporary tables and SET statements between requests.
 *
 * @example
 * const conn = await openClickHouseHttp({ url: 'http://localhost:8123', database: 'strata' })
 */
export async function openClickHouseHttp(options: ClickHouseHttpOptions): Promise<Connection> {
  if (!DATABASE_PATTERN.test(options.database)) {
    throw new Error(`database name ${JSON.stringify(options.database)} is not a plain name`)
  }
  const { createClient } = await import('@clickhouse/client')
  const dialect = clickhouseDialect(options.cluster ? { cluster: options.cluster } : {})
  const common = {
    url: options.url,
    ...(options.username ? { username: options.username } : {}),
    ...(options.password ? { password: options.password } : {}),
    clickhouse_settings: SESSION_SETTINGS as never,
  }
  const admin = createClient(common)
  try {
    const onCluster = options.cluster ? ` ON CLUSTER ${dialect.quoteIdent(options.cluster)}` : ''
    await admin.command({
      query: `CREATE DATABASE IF NOT EXISTS ${dialect.quoteIdent(options.database)}${onCluster}`,
    })
  } finally {
    await admin.close()
  }
  const client = createClient({ ...common, database: options.database, session_id: randomUUID() })
  const exec: ClickHouseExecutor = {
    async query(text: string, params: Record<string, SqlValue>) {
      const result = await client.query({ query: text, query_params: params, format: 'JSONEachRow' })
      return (await result.json()) as Row[]
    },
    async command(text: string, params: Record<string, SqlValue>) {
      await client.command({ query: text, query_params: params })
    },
    async *stream(text: string, params: Record<string, SqlValue>) {
      const result = await client.query({ query: text, query_params: params, format: 'JSONEachRow' })
      for await (const rows of result.stream()) yield rows.map((r) => r.json() as Row)
    },
    async insertRows(table, columns, rows) {
      await client.insert({
        table: dialect.quoteIdent(table),
        columns: columns.map((c) => dialect.quoteIdent(c)) as [string, ...string[]],
        values: rows as unknown[][],
        format: 'JSONCompactEachRow',
      })
    },
    close: () => client.close(),
  }
  return new ClickHouseConnection(dialect, exec)
}

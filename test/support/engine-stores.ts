import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Connection } from '../../src/sql/driver.js'
import { ident, type SqlValue, sql } from '../../src/sql/fragment.js'
import type { EngineConfig } from '../../src/sql/open-engine.js'
import { openStore, type Store } from '../../src/store/store.js'
import { type ChdbHttpServer, startChdbHttpServer } from './chdb-http-server.js'

/**
 * Stores on every engine for tests. chdb binds one data directory per process, so every chdb store of a
 * test process (in-process or behind the local HTTP endpoint) lives in one temporary directory, each in
 * a database of its own, dropped on close.
 */
const CHDB_DIR = join(process.env['STRATA_TEST_CHDB_ROOT'] ?? tmpdir(), `strata-chdb-test-${process.pid}`)
let databases = 0
let cleanupRegistered = false
let httpServer: Promise<ChdbHttpServer> | undefined
let httpUsers = 0

function nextDatabase(): string {
  if (!cleanupRegistered) {
    cleanupRegistered = true
    process.on('exit', () => rmSync(CHDB_DIR, { recursive: true, force: true }))
  }
  databases++
  return `t${process.pid}_${databases}`
}

function dropping(store: Store, database: string, after?: () => Promise<void>): Store {
  return {
    ...store,
    async close() {
      await store.conn.run(sql`DROP DATABASE IF EXISTS ${ident(database)}`)
      await store.close()
      await after?.()
    },
  }
}

/** A fresh store on embedded ClickHouse (chdb, in-process). */
export async function openChdbStore(): Promise<Store> {
  const database = nextDatabase()
  const config: EngineConfig = { engine: 'chdb', path: CHDB_DIR, database }
  return dropping(await openStore(config), database)
}

/** A fresh store on ClickHouse over HTTP (`@clickhouse/client` → a local endpoint running chdb). */
export async function openHttpStore(): Promise<Store> {
  const database = nextDatabase()
  httpServer ??= startChdbHttpServer(CHDB_DIR)
  httpUsers++
  const server = await httpServer
  const store = await openStore({ engine: 'clickhouse', url: server.url, database })
  return dropping(store, database, async () => {
    if (--httpUsers === 0) {
      httpServer = undefined
      await server.close()
    }
  })
}

/** Every engine the conformance suites run on, with the name shown in test names (`[clickhouse] …`). */
export const ENGINES: readonly { name: string; open: () => Promise<Store> }[] = [
  { name: 'duckdb', open: () => openStore(':memory:') },
  { name: 'clickhouse', open: openChdbStore },
  { name: 'clickhouse-http', open: openHttpStore },
]

/** Copies tables row for row from one store to another (same canonical schema), in bulk. */
export async function copyTables(from: Connection, to: Connection, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const rows = await from.all(sql`SELECT * FROM ${ident(table)}`)
    if (rows.length === 0) continue
    const columns = Object.keys(rows[0]!)
    const values = rows.map((r) =>
      columns.map((c) => {
        const v = r[c]
        return (v !== null && typeof v === 'object' ? JSON.stringify(v) : v) as SqlValue
      }),
    )
    await to.append(table, columns, values)
  }
}

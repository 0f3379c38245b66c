import { resolve } from 'node:path'
import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import { describeEngine, type EngineConfig, openEngine } from '../sql/open-engine.js'
import { knownMigrations, migrate, storeVersion } from './migrations.js'

/** The default store file, relative to the working directory. */
export const DEFAULT_DB_PATH = './strata-data/strata.duckdb'

/** An open store: the connection (with its dialect) and where it lives. */
export interface Store {
  readonly conn: Connection
  readonly path: string
  close(): Promise<void>
}

/** `--db` wins, then `STRATA_DB`, then the default path. */
export function resolveDbPath(flag: string | undefined, env: Record<string, string | undefined>): string {
  const chosen = flag ?? env['STRATA_DB'] ?? DEFAULT_DB_PATH
  return chosen === ':memory:' ? chosen : resolve(chosen)
}

/**
 * Opens the store, creating it and applying pending migrations. Refuses a store written by a newer
 * Strata (its schema version is unknown here) rather than guessing. A path opens a DuckDB file (the
 * default engine); an `EngineConfig` (see `resolveEngine`) opens any engine.
 *
 * @example
 * const store = await openStore(':memory:')
 * const onChdb = await openStore({ engine: 'chdb', path: './strata-data/ch', database: 'strata' })
 */
export async function openStore(location: string | EngineConfig): Promise<Store> {
  const config: EngineConfig = typeof location === 'string' ? { engine: 'duckdb', path: location } : location
  const path = describeEngine(config)
  let conn: Connection
  try {
    conn = await openEngine(config)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new StrataError({ code: 'store.cannot_open', params: { path, reason } }, EXIT.STORE)
  }
  const latest = knownMigrations().at(-1)?.version ?? 0
  await migrate(conn)
  const version = await storeVersion(conn)
  if (version > latest) {
    await conn.close()
    throw new StrataError({ code: 'store.too_new', params: { path, version, latest } }, EXIT.STORE)
  }
  return { conn, path, close: () => conn.close() }
}

/** Reads a store setting (e.g. `timezone`), or the fallback. */
export async function getSetting(conn: Connection, key: string, fallback: string): Promise<string> {
  const row = await conn.one<{ value: string | null }>(sql`SELECT value FROM settings WHERE key = ${key}`)
  return row?.value ?? fallback
}

/** Writes a store setting. */
export async function setSetting(conn: Connection, key: string, value: string): Promise<void> {
  await conn.transaction(async () => {
    await conn.run(sql`DELETE FROM settings WHERE key = ${key}`)
    await conn.run(sql`INSERT INTO settings (key, value) VALUES (${key}, ${value})`)
  })
}

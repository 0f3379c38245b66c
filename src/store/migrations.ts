import type { Dialect } from '../sql/dialect.js'
import type { Connection } from '../sql/driver.js'
import { type Fragment, sql } from '../sql/fragment.js'
import * as schema from './schema.js'

/** A numbered, named schema change. `up` returns the statements; all of them run in one transaction. */
export interface Migration {
  readonly version: number
  readonly name: string
  up(dialect: Dialect): Fragment[]
}

const CORE_TABLES = [
  schema.SETTINGS,
  schema.CUSTOMERS,
  schema.CUSTOMER_IDENTITIES,
  schema.IDENTITY_MERGES,
  schema.ORDERS,
  schema.ORDER_ITEMS,
  schema.EVENTS,
  schema.FEEDBACK,
  schema.IMPORTS,
]

const migrations: Migration[] = [
  {
    version: 1,
    name: 'canonical tables',
    up: (d) => CORE_TABLES.flatMap((t) => d.createTable(t)),
  },
]

/**
 * Adds a migration (subsystems register theirs at import time, e.g. analytics' snapshot tables).
 * Versions must be unique; they are applied in ascending order.
 */
export function registerMigration(migration: Migration): void {
  if (migrations.some((m) => m.version === migration.version)) {
    throw new Error(`migration version ${migration.version} registered twice`)
  }
  migrations.push(migration)
}

/** Versions known to this build, ascending. */
export function knownMigrations(): readonly Migration[] {
  return [...migrations].sort((a, b) => a.version - b.version)
}

/** Applies every migration newer than the store's version; returns the versions applied. */
export async function migrate(conn: Connection): Promise<number[]> {
  // In order: on a cluster the second statement (the Distributed table) needs the first.
  for (const q of conn.dialect.createTable(schema.SCHEMA_MIGRATIONS)) await conn.run(q)
  const rows = await conn.all<{ version: number }>(sql`SELECT version FROM schema_migrations`)
  const done = new Set(rows.map((r) => r.version))
  const applied: number[] = []
  for (const m of knownMigrations()) {
    if (done.has(m.version)) continue
    await conn.transaction(async () => {
      for (const statement of m.up(conn.dialect)) await conn.run(statement)
      await conn.run(
        sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${m.version}, ${m.name}, current_timestamp)`,
      )
    })
    applied.push(m.version)
  }
  return applied
}

/** The highest applied version, or 0 for an empty store. */
export async function storeVersion(conn: Connection): Promise<number> {
  const row = await conn.one<{ v: number | null }>(sql`SELECT max(version) AS v FROM schema_migrations`)
  return row?.v ?? 0
}

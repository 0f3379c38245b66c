import type { Connection } from '../../src/sql/driver.js'
import { ident, sql } from '../../src/sql/fragment.js'

export type Dump = Record<string, string[]>

/** Every row of every table, as sorted JSON text; JSON columns parsed so engines' spellings compare. */
export async function dumpTables(conn: Connection, tables: readonly string[]): Promise<Dump> {
  const dump: Dump = {}
  for (const table of tables) {
    const rows = await conn.all(sql`SELECT * FROM ${ident(table)}`)
    dump[table] = rows.map((r) => JSON.stringify(normalise(r))).sort()
  }
  return dump
}

export function normalise(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(row).sort()) {
    const v = row[key]
    out[key] = typeof v === 'string' && /^[[{]/.test(v) ? JSON.parse(v) : v
  }
  return out
}

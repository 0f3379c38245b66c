import { generateDemo } from '../../src/demo/index.js'
import type { Connection } from '../../src/sql/index.js'
import { type Fragment, ident, sql } from '../../src/sql/index.js'
import { openStore, type Store } from '../../src/store/index.js'
import { IMPORT_TABLES } from '../support/import-tables.js'

/** Small enough to keep the suite fast, large enough that every persona appears many times. */
export const N = 2000
export const AS_OF = '2026-06-30'

/** A fresh in-memory store with N demo customers. */
export async function demoStore(seed: number | string = 42, customers = N): Promise<Store> {
  const store = await openStore(':memory:')
  await generateDemo(store.conn, { customers, seed, asOf: AS_OF })
  return store
}

/** One numeric value from a query. */
export async function scalar(conn: Connection, query: Fragment): Promise<number> {
  const row = await conn.one<{ v: number | null }>(query)
  return Number(row?.v ?? 0)
}

type DemoCounts = Record<(typeof IMPORT_TABLES)[number] | 'revenue', number>

/** Rows per demo table and the orders' total amount: enough to tell whether a store's contents changed. */
export async function demoCounts(conn: Connection): Promise<DemoCounts> {
  const counts = {} as DemoCounts
  for (const table of IMPORT_TABLES)
    counts[table] = await scalar(conn, sql`SELECT count(*) AS v FROM ${ident(table)}`)
  counts.revenue = await scalar(conn, sql`SELECT sum(amount) AS v FROM orders`)
  return counts
}

export { sql }

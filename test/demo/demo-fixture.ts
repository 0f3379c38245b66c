import { generateDemo } from '../../src/demo/index.js'
import type { Connection } from '../../src/sql/index.js'
import { type Fragment, sql } from '../../src/sql/index.js'
import { openStore, type Store } from '../../src/store/index.js'

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

export { sql }

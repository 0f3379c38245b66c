import '../../src/tables.js'
import '../../src/i18n/messages/index.js'
import type { Connection } from '../../src/sql/driver.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'

/** A fresh in-memory store with every subsystem's tables. */
export function memoryStore(): Promise<Store> {
  return openStore(':memory:')
}

/** Sets customers' cities (inserting missing customers): the attribute the history fixtures move around. */
export async function setCities(conn: Connection, cities: Record<string, string | null>): Promise<void> {
  for (const [id, city] of Object.entries(cities)) {
    await conn.run(sql`DELETE FROM customers WHERE customer_id = ${id}`)
    await conn.run(sql`INSERT INTO customers (customer_id, city) VALUES (${id}, ${city})`)
  }
}

/** Every stay of a segment as `customer entered→exited` lines, sorted: easy to compare by hand. */
export async function stays(conn: Connection, segmentId: string): Promise<string[]> {
  const rows = await conn.all<{ customer_id: string; entered_at: string; exited_at: string | null }>(sql`
    SELECT customer_id, CAST(entered_at AS VARCHAR) AS entered_at, CAST(exited_at AS VARCHAR) AS exited_at
    FROM segment_members WHERE segment_id = ${segmentId} ORDER BY customer_id, entered_at`)
  return rows.map((r) => `${r.customer_id} ${r.entered_at}→${r.exited_at ?? 'now'}`)
}

/** The size series of a segment as `[members, entered, exited]` triples. */
export async function sizes(conn: Connection, segmentId: string): Promise<number[][]> {
  const rows = await conn.all<{ members: number; entered: number; exited: number }>(sql`
    SELECT members, entered, exited FROM segment_sizes WHERE segment_id = ${segmentId} ORDER BY seq`)
  return rows.map((r) => [Number(r.members), Number(r.entered), Number(r.exited)])
}

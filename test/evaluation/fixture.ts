import type { Connection } from '../../src/sql/driver.js'
import { join, type SqlValue, sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/index.js'
import '../../src/tables.js'

export async function memoryStore(): Promise<Store> {
  return openStore(':memory:')
}

async function insert(
  conn: Connection,
  table: string,
  columns: string[],
  rows: readonly (readonly SqlValue[])[],
) {
  if (!rows.length) return
  const cols = join(columns.map((c) => sql`${{ kind: 'ident', names: [c] }}`))
  const values = rows.map((r) => sql`(${join(r.map((v) => sql`${v}`))})`)
  await conn.run(sql`INSERT INTO ${{ kind: 'ident', names: [table] }} (${cols}) VALUES ${join(values)}`)
}

/** A hand-made snapshot: header plus (customer, rfm_segment, lifecycle, value_tier, monetary, frequency, clv). */
export async function snapshot(
  conn: Connection,
  id: string,
  asOf: string,
  rows: [string, string | null, string, string | null, number, number | null, number | null][],
): Promise<void> {
  await conn.run(
    sql`INSERT INTO snapshots (snapshot_id, as_of, bins, config) VALUES (${id}, CAST(${asOf} AS DATE), 5, '{}')`,
  )
  await insert(
    conn,
    'customer_scores',
    [
      'snapshot_id',
      'customer_id',
      'rfm_segment',
      'lifecycle',
      'value_tier',
      'monetary',
      'frequency',
      'clv_12m',
    ],
    rows.map((r) => [id, ...r]),
  )
}

/** Orders: (order_id, customer_id, ordered_at, amount, status). */
export async function orders(
  conn: Connection,
  rows: [string, string, string, number, string][],
): Promise<void> {
  await insert(
    conn,
    'orders',
    ['source', 'order_id', 'customer_id', 'ordered_at', 'amount', 'status'],
    rows.map((r) => ['shop', ...r]),
  )
}

/** Customers: (customer_id, consent_marketing, email). */
export async function customers(
  conn: Connection,
  rows: [string, boolean | null, string | null][],
): Promise<void> {
  await insert(conn, 'customers', ['customer_id', 'consent_marketing', 'email'], rows)
}

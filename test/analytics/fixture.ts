import type { Connection } from '../../src/sql/driver.js'
import { join, raw, type SqlValue, sql } from '../../src/sql/fragment.js'

/** A hand-made store: rows for the canonical tables, as tuples in the column order named below. */
export interface Fixture {
  /** customer_id, gender, birth_date, city, region, signup_at, attributes (JSON text) */
  customers?: [
    string,
    string | null,
    string | null,
    string | null,
    string | null,
    string | null,
    string | null,
  ][]
  /** order_id, customer_id, ordered_at, amount, status, channel, discount, community_id */
  orders?: [
    string,
    string | null,
    string,
    number,
    string | null,
    string | null,
    number | null,
    string | null,
  ][]
  /** order_id, line_no, category, brand, quantity, unit_price */
  items?: [string, number, string | null, string | null, number, number][]
  /** event_id, customer_id, occurred_at, type */
  events?: [string, string | null, string, string][]
  /** feedback_id, customer_id, answered_at, nps, score */
  feedback?: [string, string | null, string, number | null, number | null][]
}

async function insert(
  conn: Connection,
  table: string,
  columns: string,
  rows: readonly (readonly SqlValue[])[],
) {
  if (rows.length === 0) return
  // Chunked so a big generated fixture stays under the engine's parameter limits.
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r) => sql`(${join(r.map((v) => sql`${v}`))})`)
    await conn.run(sql`INSERT INTO ${raw(table)} (${raw(columns)}) VALUES ${join(values)}`)
  }
}

/** Loads a fixture through plain INSERTs (portable: every engine in the conformance list accepts them). */
export async function loadFixture(conn: Connection, f: Fixture): Promise<void> {
  await insert(
    conn,
    'customers',
    'customer_id, gender, birth_date, city, region, signup_at, attributes',
    f.customers ?? [],
  )
  await insert(
    conn,
    'orders',
    'source, order_id, customer_id, ordered_at, amount, status, channel, discount, community_id',
    (f.orders ?? []).map((o) => ['shop', ...o]),
  )
  await insert(
    conn,
    'order_items',
    'source, order_id, line_no, category, brand, quantity, unit_price',
    (f.items ?? []).map((i) => ['shop', ...i]),
  )
  await insert(
    conn,
    'events',
    'source, event_id, customer_id, occurred_at, type',
    (f.events ?? []).map((e) => ['web', ...e]),
  )
  await insert(
    conn,
    'feedback',
    'source, feedback_id, customer_id, answered_at, nps, score',
    (f.feedback ?? []).map((e) => ['survey', ...e]),
  )
}

/**
 * The conformance fixture (asOf 2024-07-01). Expected results are worked out by hand in
 * `conformance.test.ts`; change one and the other together.
 */
export const SHOP: Fixture = {
  customers: [
    ['c1', 'F', '1990-07-01', '上海', '华东', '2023-01-01 00:00:00', '{"city_tier":"一线"}'],
    ['c2', 'M', '1990-07-02', '成都', '西南', null, '{"city_tier":"新一线"}'],
    ['c3', null, null, null, null, null, null],
    ['c4', null, null, null, null, null, null],
    ['c5', null, null, null, null, null, null],
    ['c6', null, null, null, null, null, null],
    ['c8', null, null, null, null, null, null],
    ['p1', null, null, null, null, '2024-01-01 00:00:00', null],
    ['p2', null, null, null, null, '2024-08-01 00:00:00', null],
  ],
  orders: [
    ['o1', 'c1', '2024-06-30 23:59:00', 100, 'paid', 'app', 0, null],
    ['o2', 'c1', '2024-05-01 10:00:00', 50, 'paid', 'store', 5, null],
    ['o3', 'c1', '2024-03-01 10:00:00', 50, 'paid', 'mini_program', null, 'g1'],
    ['o4', 'c2', '2024-07-01 00:00:00', 70, 'paid', 'app', null, null],
    ['o5', 'c2', '2024-06-01 10:00:00', 80, null, 'web', null, null],
    ['o6', 'c3', '2024-01-01 10:00:00', 40, 'paid', null, null, null],
    ['o7', 'c3', '2024-02-01 10:00:00', 40, 'paid', null, null, null],
    ['o8', 'c3', '2024-02-10 10:00:00', -30, 'refunded', null, null, null],
    ['o9', 'c4', '2023-10-01 10:00:00', 300, 'paid', null, null, null],
    ['o10', 'c4', '2024-06-20 10:00:00', 500, 'cancelled', null, null, null],
    ['o11', 'c5', '2024-06-15 10:00:00', 20, 'paid', null, null, null],
    ['o12', 'c5', '2024-06-25 10:00:00', 20, 'paid', null, null, null],
    ['o13', 'c6', '2024-06-01 10:00:00', 60, 'refunded', null, null, null],
    ['o14', 'c7', '2024-06-30 08:00:00', 100, 'paid', null, null, null],
    ['o15', 'c8', '2024-03-01 10:00:00', -20, 'refunded', null, null, null],
    ['o16', null, '2024-06-01 10:00:00', 1000, 'paid', null, null, null],
  ],
  items: [
    ['o1', 1, 'toys', 'lego', 2, 30],
    ['o1', 2, 'books', null, 1, 40],
    ['o2', 1, 'toys', 'lego', 1, 50],
  ],
  events: [
    ['e1', 'c1', '2024-06-28 12:00:00', 'view'],
    ['e2', 'c1', '2024-06-10 12:00:00', 'search'],
    ['e3', 'c1', '2024-03-20 12:00:00', 'add_to_cart'],
    ['e4', 'c1', '2024-07-01 00:00:00', 'view'],
    ['e5', 'c1', '2024-06-29 12:00:00', 'add_to_cart'],
  ],
  feedback: [
    ['f1', 'c1', '2024-05-01 10:00:00', 8, null],
    ['f2', 'c1', '2024-07-02 10:00:00', 10, null],
    ['f3', 'c1', '2024-06-01 10:00:00', null, 4.5],
  ],
}

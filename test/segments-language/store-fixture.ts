import { compileSegment, type SegmentQueryContext } from '../../src/segments/language/index.js'
import type { Connection } from '../../src/sql/driver.js'
import { join, raw, type SqlValue, sql } from '../../src/sql/fragment.js'
import { openStore } from '../../src/store/store.js'
import '../../src/tables.js'

/**
 * A small hand-made store for the segment language (as of 2024-07-01). Every expected member set in
 * functions.test.ts is worked out by hand from these rows; change one and the other together.
 *
 * Customers a1–a5 are in `customers`; s9 exists only in snapshot 7's scores (a prospect of the contract's
 * population). Snapshot 3 is older and must never leak into a query on snapshot 7.
 */
export const AS_OF = '2024-07-01'

type Row = readonly SqlValue[]

const CUSTOMERS: Row[] = [
  // customer_id, gender, birth_date, city, region, country, signup_at, source, consent_marketing, email
  ['a1', 'F', '1990-07-15', '上海', '华东', 'CN', '2023-01-10 09:00:00', 'app', true, 'a1@example.com'],
  ['a2', 'M', '1984-07-01', '北京', '华北', 'CN', '2024-06-30 23:00:00', 'web', false, null],
  ['a3', 'F', '2000-02-29', '台北', null, 'TW', null, null, null, null],
  ['a4', null, null, null, null, null, null, null, null, null],
  ['a5', 'M', '1995-12-31', "O'Hare", null, 'US', '2024-01-01 00:00:00', 'store', null, null],
]

const ORDERS: Row[] = [
  // order_id, customer_id, ordered_at, amount, status, channel, discount, community_id, store_id, coupon_code
  ['o1', 'a1', '2024-06-30 23:59:59', 100, 'paid', 'app', 0, null, null, null],
  ['o2', 'a1', '2024-04-02 00:00:00', 50, 'paid', 'community_group_buy', null, 'g1', null, null],
  ['o3', 'a1', '2024-04-01 23:59:59', 70, 'paid', 'store', null, null, 'st1', null],
  ['o4', 'a1', '2024-07-01 00:00:00', 999, 'paid', 'app', null, null, null, null],
  ['o5', 'a2', '2024-06-15 10:00:00', 200, 'paid', 'web', 20, null, null, null],
  ['o6', 'a2', '2024-06-20 10:00:00', -50, 'refunded', 'web', null, null, null, null],
  ['o7', 'a2', '2024-05-01 10:00:00', 80, 'cancelled', 'app', null, null, null, null],
  ['o8', 'a3', '2023-07-01 00:00:00', 30, 'paid', 'community_group_buy', null, 'g2', null, null],
  ['o9', 'a3', '2023-06-30 23:59:00', 40, 'paid', 'app', null, null, null, 'SPRING'],
  ['o10', null, '2024-06-01 10:00:00', 500, 'paid', 'app', null, null, null, null],
  ['o11', 's9', '2024-01-01 10:00:00', 60, 'paid', 'store', null, null, 'st1', null],
  ['o12', 'a5', '2024-06-01 10:00:00', 0, 'paid', 'app', null, null, null, null],
]

const ITEMS: Row[] = [
  // order_id, line_no, sku, category, brand, quantity, unit_price
  ['o1', 1, 'SKU-1', '母婴', '贝亲', 2, 30],
  ['o1', 2, 'SKU-2', 'toys', 'lego', 1, 40],
  ['o2', 1, 'SKU-1', '母婴', '贝亲', 1, 50],
  ['o3', 1, 'SKU-3', '母婴', '花王', 3, 20],
  ['o5', 1, 'SKU-2', 'toys', 'lego', 4, 50],
  ['o7', 1, 'SKU-1', '母婴', '贝亲', 5, 10],
  ['o8', 1, 'SKU-4', '美妆', '资生堂', 1, 30],
  ['o10', 1, 'SKU-1', '母婴', '贝亲', 1, 500],
]

const EVENTS: Row[] = [
  // event_id, customer_id, occurred_at, type
  ['e1', 'a1', '2024-06-30 12:00:00', 'search'],
  ['e2', 'a1', '2024-06-17 00:00:00', 'search'],
  ['e3', 'a1', '2024-06-16 23:59:00', 'search'],
  ['e4', 'a2', '2024-06-20 10:00:00', 'search'],
  ['e5', 'a2', '2024-07-01 00:00:00', 'search'],
  ['e6', 'a3', '2024-06-25 10:00:00', 'view'],
  ['e7', null, '2024-06-25 10:00:00', 'search'],
]

const TAGS: Row[] = [
  ['a1', 'vip', 'user', null, '2024-06-01 00:00:00'],
  ['a1', '母婴达人', 'user', null, '2024-06-01 00:00:00'],
  ['a2', 'vip', 'user', null, '2024-06-01 00:00:00'],
  ['a3', 'price-hunter', 'builtin', '7', '2024-06-01 00:00:00'],
]

const SEGMENTS: Row[] = [
  ['seg-1', 'VIP', 'dynamic', "has_tag('vip')", '2024-01-01 00:00:00', '2024-01-01 00:00:00'],
  ['seg-2', '高价值', 'static', null, '2024-01-01 00:00:00', '2024-01-01 00:00:00'],
]

const MEMBERS: Row[] = [
  ['seg-1', 'a1', '2024-01-01 00:00:00', null],
  ['seg-1', 'a2', '2024-01-01 00:00:00', '2024-03-01 00:00:00'],
  ['seg-2', 'a3', '2024-01-01 00:00:00', null],
  ['seg-2', 'a2', '2024-03-01 00:00:00', null],
]

// biome-ignore format: one customer per line
const SCORES: Row[] = [
  // snapshot_id, customer_id, recency_days, frequency, monetary, rfm_segment, lifecycle, value_tier, p_alive, churn_band, first_order_at, last_order_at
  ['7', 'a1', 1, 3, 220, 'Champions', 'Loyal', 'high', 0.9, 'Low', '2024-04-01 23:59:59', '2024-06-30 23:59:59'],
  ['7', 'a2', 16, 1, 150, 'At Risk', 'New', 'potential', 0.2, 'High', '2024-06-15 10:00:00', '2024-06-15 10:00:00'],
  ['7', 'a3', 366, 2, 70, 'Lost', 'Churned', 'churned', 0.05, 'High', '2023-06-30 23:59:00', '2023-07-01 00:00:00'],
  ['7', 'a4', null, 0, 0, null, 'Prospect', null, null, null, null, null],
  ['7', 'a5', null, 0, 0, null, 'Prospect', null, null, null, null, null],
  ['7', 's9', 182, 1, 60, 'Hibernating', 'New', 'regular', null, null, '2024-01-01 10:00:00', '2024-01-01 10:00:00'],
  ['3', 'a4', 5, 9, 999, 'Champions', 'Loyal', 'high', 0.99, 'Low', '2024-01-01 00:00:00', '2024-01-01 00:00:00'],
]

async function insert(conn: Connection, table: string, columns: string, rows: readonly Row[]) {
  const values = rows.map((r) => sql`(${join(r.map((v) => sql`${v}`))})`)
  await conn.run(sql`INSERT INTO ${raw(table)} (${raw(columns)}) VALUES ${join(values)}`)
}

export async function openFixtureStore() {
  const store = await openStore(':memory:')
  const conn = store.conn
  await insert(
    conn,
    'customers',
    'customer_id, gender, birth_date, city, region, country, signup_at, source, consent_marketing, email',
    CUSTOMERS,
  )
  await insert(
    conn,
    'orders',
    'order_id, customer_id, ordered_at, amount, status, channel, discount, community_id, store_id, coupon_code, source',
    ORDERS.map((o) => [...o, 'shop']),
  )
  await insert(
    conn,
    'order_items',
    'order_id, line_no, sku, category, brand, quantity, unit_price, source',
    ITEMS.map((i) => [...i, 'shop']),
  )
  await insert(
    conn,
    'events',
    'event_id, customer_id, occurred_at, type, source',
    EVENTS.map((e) => [...e, 'web']),
  )
  await insert(conn, 'customer_tags', 'customer_id, tag, source, snapshot_id, assigned_at', TAGS)
  await insert(conn, 'segments', 'segment_id, name, kind, definition, created_at, updated_at', SEGMENTS)
  await insert(conn, 'segment_members', 'segment_id, customer_id, entered_at, exited_at', MEMBERS)
  await insert(
    conn,
    'customer_scores',
    'snapshot_id, customer_id, recency_days, frequency, monetary, rfm_segment, lifecycle, value_tier, p_alive, churn_band, first_order_at, last_order_at',
    SCORES,
  )
  return store
}

/** The sorted ids a definition selects, or throws with its diagnostics. */
export async function members(
  conn: Connection,
  text: string,
  ctx: Partial<SegmentQueryContext> = {},
): Promise<string[]> {
  const compiled = compileSegment(text, conn.dialect, { asOf: AS_OF, snapshotId: '7', ...ctx })
  if (!compiled.ok) throw new Error(`${text}: ${JSON.stringify(compiled.diagnostics)}`)
  const rows = await conn.all<{ customer_id: string }>(compiled.value.query)
  return rows.map((r) => r.customer_id).sort()
}

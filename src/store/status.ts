import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'

/** Row counts a person checks after an import, plus the newest import. */
export interface StoreStatus {
  counts: {
    customers: number
    orders: number
    order_items: number
    guest_orders: number
    events: number
    feedback: number
    imports: number
  }
  firstOrderAt: string | null
  lastOrderAt: string | null
  lastImport: {
    import_id: string
    kind: string
    file: string | null
    status: string
    finished_at: string
  } | null
}

/**
 * Counts of every canonical table in one round trip.
 *
 * @example
 * const { counts } = await storeStatus(conn)
 */
export async function storeStatus(conn: Connection): Promise<StoreStatus> {
  const row = (await conn.one<Record<string, number | string | null>>(sql`
    SELECT
      (SELECT count(*) FROM customers) AS customers,
      (SELECT count(*) FROM orders) AS orders,
      (SELECT count(*) FROM order_items) AS order_items,
      (SELECT count(*) FROM orders WHERE customer_id IS NULL) AS guest_orders,
      (SELECT count(*) FROM events) AS events,
      (SELECT count(*) FROM feedback) AS feedback,
      (SELECT count(*) FROM imports) AS imports,
      (SELECT CAST(min(ordered_at) AS VARCHAR) FROM orders) AS first_order_at,
      (SELECT CAST(max(ordered_at) AS VARCHAR) FROM orders) AS last_order_at`))!
  const last = await conn.one<StoreStatus['lastImport'] & Record<string, unknown>>(sql`
    SELECT import_id, kind, file, status, CAST(finished_at AS VARCHAR) AS finished_at
    FROM imports ORDER BY started_at DESC, import_id DESC LIMIT 1`)
  const n = (k: string) => Number(row[k] ?? 0)
  return {
    counts: {
      customers: n('customers'),
      orders: n('orders'),
      order_items: n('order_items'),
      guest_orders: n('guest_orders'),
      events: n('events'),
      feedback: n('feedback'),
      imports: n('imports'),
    },
    firstOrderAt: (row['first_order_at'] as string | null) ?? null,
    lastOrderAt: (row['last_order_at'] as string | null) ?? null,
    lastImport: last ?? null,
  }
}

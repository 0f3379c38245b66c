import type { Connection, Row } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'

/** One thing that happened to a customer: an order, a behaviour event or a piece of feedback. */
export interface TimelineItem {
  readonly kind: 'order' | 'event' | 'feedback'
  /** Store wall-clock timestamp text, `YYYY-MM-DD HH:MM:SS`. */
  readonly at: string
  /** Order id, event type, or `NPS n` / the satisfaction score. */
  readonly title: string
  /** Order status and channel, event properties, or the feedback text. */
  readonly detail: string | null
  readonly amount: number | null
  readonly currency: string | null
}

/**
 * A customer's orders, events and feedback, newest first, one page at a time. One UNION ALL over the
 * three tables filtered by customer id (each is read only for this customer).
 *
 * @example
 * const items = await customerTimeline(conn, 'C000042', { limit: 50, offset: 0 })
 */
export async function customerTimeline(
  conn: Connection,
  customerId: string,
  page: { limit: number; offset: number },
): Promise<TimelineItem[]> {
  const d = conn.dialect
  const rows = await conn.all<Row>(sql`
    SELECT 'order' AS kind, CAST(ordered_at AS VARCHAR) AS happened_at, order_id AS title,
      concat_ws(' · ', status, channel) AS detail, ${d.toDouble(sql`amount`)} AS amount, currency
    FROM orders WHERE customer_id = ${customerId}
    UNION ALL
    SELECT 'event', CAST(occurred_at AS VARCHAR), type, CAST(properties AS VARCHAR), NULL, NULL
    FROM events WHERE customer_id = ${customerId}
    UNION ALL
    SELECT 'feedback', CAST(answered_at AS VARCHAR),
      CASE WHEN nps IS NOT NULL THEN concat('NPS ', CAST(nps AS VARCHAR))
        WHEN score IS NOT NULL THEN CAST(score AS VARCHAR) ELSE coalesce(channel, source) END,
      text, NULL, NULL
    FROM feedback WHERE customer_id = ${customerId}
    ORDER BY happened_at DESC, kind, title
    LIMIT ${page.limit} OFFSET ${page.offset}`)
  return rows.map((r) => ({
    kind: r['kind'] as TimelineItem['kind'],
    at: String(r['happened_at']),
    title: String(r['title'] ?? ''),
    detail: r['detail'] === null || r['detail'] === '' ? null : String(r['detail']),
    amount: r['amount'] === null ? null : Number(r['amount']),
    currency: (r['currency'] as string | null) ?? null,
  }))
}

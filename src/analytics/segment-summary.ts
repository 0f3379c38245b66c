import type { Connection } from '../sql/driver.js'
import { type Fragment, ident, sql } from '../sql/fragment.js'
import { LIFECYCLE_STAGES } from './lifecycle.js'
import type { SegmentMap } from './rfm-segment-map.js'
import { VALUE_TIERS } from './value-tier.js'

/** One row of a segment table: a group's size, revenue and mean R/F/M inputs and scores. */
export interface GroupSummary {
  /** Stored (English) name; null for customers without one (prospects have no RFM segment or tier). */
  readonly key: string | null
  readonly customers: number
  readonly pctCustomers: number
  readonly revenue: number
  readonly pctRevenue: number
  readonly meanRecencyDays: number | null
  readonly meanFrequency: number | null
  readonly meanMonetary: number | null
  readonly meanR: number | null
  readonly meanF: number | null
  readonly meanM: number | null
}

export interface SnapshotSummary {
  readonly snapshotId: string
  readonly asOf: string
  readonly windowStart: string | null
  readonly customers: number
  readonly scored: number
  readonly revenue: number
  readonly bySegment: readonly GroupSummary[]
  readonly byLifecycle: readonly GroupSummary[]
  readonly byValueTier: readonly GroupSummary[]
}

type Dimension = 'rfm_segment' | 'lifecycle' | 'value_tier'

function groupQuery(snapshotId: string, column: Dimension): Fragment {
  const col = ident(column)
  return sql`SELECT ${column} AS dim, ${col} AS key, count(*) AS customers,
    CAST(count(*) AS DOUBLE) / sum(count(*)) OVER () AS pct_customers,
    coalesce(sum(monetary), 0) AS revenue,
    CAST(coalesce(sum(monetary), 0) AS DOUBLE) / nullif(CAST(sum(sum(monetary)) OVER () AS DOUBLE), 0) AS pct_revenue,
    avg(recency_days) AS mean_recency_days, avg(frequency) AS mean_frequency,
    CAST(avg(monetary) AS DOUBLE) AS mean_monetary, avg(r) AS mean_r, avg(f) AS mean_f, avg(m) AS mean_m
  FROM customer_scores WHERE snapshot_id = ${snapshotId}
  GROUP BY ${col}`
}

function order(rows: GroupSummary[], names: readonly string[]): GroupSummary[] {
  const rank = (k: string | null) =>
    k === null ? names.length + 1 : names.indexOf(k) < 0 ? names.length : names.indexOf(k)
  return rows.sort((a, b) => rank(a.key) - rank(b.key) || String(a.key).localeCompare(String(b.key)))
}

/**
 * The segment table of a snapshot: per RFM segment, lifecycle stage and value tier, the number and share
 * of customers, revenue (net spend) and its share, mean recency/frequency/monetary and mean scores.
 * Shares are of all customers in the snapshot (prospects included).
 *
 * @example
 * const { bySegment } = await summarizeSnapshot(conn, '1')
 */
export async function summarizeSnapshot(conn: Connection, snapshotId: string): Promise<SnapshotSummary> {
  const head = await conn.one<Record<string, string | number | null>>(sql`
    SELECT ${conn.dialect.formatDate(sql`as_of`)} AS as_of,
      ${conn.dialect.formatDate(sql`window_start`)} AS window_start,
      customers_total, customers_scored, monetary_total, config
    FROM snapshots WHERE snapshot_id = ${snapshotId}`)
  if (!head) throw new Error(`snapshot ${snapshotId} not found`)
  const rows = await conn.all<Record<string, string | number | null>>(sql`
    ${groupQuery(snapshotId, 'rfm_segment')} UNION ALL ${groupQuery(snapshotId, 'lifecycle')}
    UNION ALL ${groupQuery(snapshotId, 'value_tier')}`)
  const of = (dim: Dimension) =>
    rows
      .filter((r) => r['dim'] === dim)
      .map(
        (r): GroupSummary => ({
          key: (r['key'] as string | null) ?? null,
          customers: Number(r['customers']),
          pctCustomers: Number(r['pct_customers']),
          revenue: Number(r['revenue']),
          pctRevenue: Number(r['pct_revenue'] ?? 0),
          meanRecencyDays: r['mean_recency_days'] as number | null,
          meanFrequency: r['mean_frequency'] as number | null,
          meanMonetary: r['mean_monetary'] as number | null,
          meanR: r['mean_r'] as number | null,
          meanF: r['mean_f'] as number | null,
          meanM: r['mean_m'] as number | null,
        }),
      )
  const config = JSON.parse(String(head['config'] ?? '{}')) as { rfm?: { segments?: SegmentMap } }
  return {
    snapshotId,
    asOf: String(head['as_of']),
    windowStart: (head['window_start'] as string | null) ?? null,
    customers: Number(head['customers_total']),
    scored: Number(head['customers_scored']),
    revenue: Number(head['monetary_total']),
    bySegment: order(of('rfm_segment'), Object.keys(config.rfm?.segments ?? {})),
    byLifecycle: order(of('lifecycle'), LIFECYCLE_STAGES),
    byValueTier: order(of('value_tier'), VALUE_TIERS),
  }
}

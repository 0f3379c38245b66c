import { NET_CONTRIBUTION } from '../analytics/index.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'

/** Headline figures of one snapshot, and what changed since the one before. */
export interface SnapshotKpis {
  readonly snapshotId: string
  readonly asOf: string
  readonly customers: number
  /** Customers with at least one purchase (scored). */
  readonly buyers: number
  /** Buyers with two or more purchases / buyers. */
  readonly repeatRate: number | null
  /** Buyers not churned (lifecycle New, Repeat, Loyal or At-risk). */
  readonly active: number
  readonly churned: number
  readonly atRisk: number
  /** Mean predicted 12-month CLV over customers that have one; null without a model. */
  readonly avgClv: number | null
  /** Σ net spend of every customer as of the snapshot. */
  readonly monetaryTotal: number
  /** Net revenue of orders dated between the previous snapshot's as-of and this one's (null for the first). */
  readonly periodRevenue: number | null
}

/**
 * KPIs of every snapshot (or those with as-of ≤ `until`), oldest first. Snapshots taken on the same
 * as-of date keep their id order. One grouped query over `customer_scores`, one revenue query per step.
 */
export async function kpiSeries(conn: Connection, options: { until?: string } = {}): Promise<SnapshotKpis[]> {
  const d = conn.dialect
  const until = options.until ? sql`AND s.as_of <= ${d.dateLiteral(options.until)}` : sql``
  const rows = await conn.all<Record<string, number | string | null>>(sql`
    SELECT s.snapshot_id, ${d.formatDate(sql`s.as_of`)} AS as_of, count(*) AS customers,
      count(c.rfm_segment) AS buyers,
      ${d.countIf(sql`c.frequency >= 2`)} AS repeaters,
      ${d.countIf(sql`c.lifecycle IN ('New', 'Repeat', 'Loyal', 'At-risk')`)} AS active,
      ${d.countIf(sql`c.lifecycle = 'Churned'`)} AS churned,
      ${d.countIf(sql`c.lifecycle = 'At-risk'`)} AS at_risk,
      ${d.toDouble(sql`avg(c.clv_12m)`)} AS avg_clv,
      ${d.toDouble(sql`coalesce(sum(c.monetary), 0)`)} AS monetary_total
    FROM snapshots s JOIN customer_scores c ON c.snapshot_id = s.snapshot_id
    WHERE TRUE ${until}
    GROUP BY s.snapshot_id, s.as_of
    ORDER BY s.as_of, CAST(s.snapshot_id AS INTEGER)`)
  const out: SnapshotKpis[] = []
  let previous: string | null = null
  for (const r of rows) {
    const asOf = String(r['as_of'])
    let periodRevenue: number | null = null
    if (previous !== null) {
      const rev = await conn.one<{ revenue: number | null }>(sql`
        SELECT ${d.toDouble(sql`coalesce(sum(${NET_CONTRIBUTION}), 0)`)} AS revenue FROM orders o
        WHERE o.customer_id IS NOT NULL
          AND o.ordered_at >= ${d.timestampLiteral(`${previous} 00:00:00`)}
          AND o.ordered_at < ${d.timestampLiteral(`${asOf} 00:00:00`)}`)
      periodRevenue = Number(rev?.revenue ?? 0)
    }
    const buyers = Number(r['buyers'])
    out.push({
      snapshotId: String(r['snapshot_id']),
      asOf,
      customers: Number(r['customers']),
      buyers,
      repeatRate: buyers > 0 ? Number(r['repeaters']) / buyers : null,
      active: Number(r['active']),
      churned: Number(r['churned']),
      atRisk: Number(r['at_risk']),
      avgClv: r['avg_clv'] === null ? null : Number(r['avg_clv']),
      monetaryTotal: Number(r['monetary_total']),
      periodRevenue,
    })
    previous = asOf
  }
  return out
}

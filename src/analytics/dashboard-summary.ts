import type { Connection, Row } from '../sql/driver.js'
import { type Fragment, join, sql } from '../sql/fragment.js'
import { type SnapshotSummary, summarizeSnapshot } from './segment-summary.js'
import { findSnapshot } from './snapshot-lookup.js'

/** A customer who bought within this many days before `asOf` counts as active on the overview. */
export const ACTIVE_DAYS = 90

/** The headline figures of one snapshot. */
export interface DashboardKpis {
  readonly snapshotId: string
  readonly asOf: string
  readonly customers: number
  /** Customers with a purchase in the `ACTIVE_DAYS` days before `asOf`. */
  readonly active: number
  /** Net spend of every scored customer in the window. */
  readonly revenue: number
  /** Customers with at least one purchase (scored), and those with two or more. */
  readonly buyers: number
  readonly repeaters: number
  /** Share of buyers (scored customers) with two or more purchases. */
  readonly repeatRate: number | null
  /** Mean predicted 12-month CLV over customers with a prediction; null when no model ran. */
  readonly avgClv: number | null
}

/** One cell of the R × F grid. */
export interface RfCell {
  readonly r: number
  readonly f: number
  readonly customers: number
  readonly revenue: number
}

export interface DashboardSummary {
  readonly current: DashboardKpis
  /** The snapshot before this one (next lower id); null for the first. */
  readonly previous: DashboardKpis | null
  readonly bins: number
  readonly segments: SnapshotSummary
  readonly rf: readonly RfCell[]
  /** The KPIs of the most recent snapshots up to this one, oldest first. */
  readonly trend: readonly DashboardKpis[]
}

function kpisQuery(conn: Connection, where: Fragment): Fragment {
  const d = conn.dialect
  return sql`SELECT s.snapshot_id, ${d.formatDate(sql`s.as_of`)} AS as_of, s.customers_total AS customers,
      k.active, k.revenue, k.buyers, k.repeaters, k.avg_clv
    FROM snapshots AS s JOIN (
      SELECT snapshot_id,
        ${d.countIf(sql`recency_days <= ${ACTIVE_DAYS}`)} AS active,
        ${d.toDouble(sql`coalesce(sum(monetary), 0)`)} AS revenue,
        ${d.countIf(sql`frequency >= 1`)} AS buyers,
        ${d.countIf(sql`frequency >= 2`)} AS repeaters,
        ${d.toDouble(sql`avg(clv_12m)`)} AS avg_clv
      FROM customer_scores WHERE ${where} GROUP BY snapshot_id
    ) AS k ON k.snapshot_id = s.snapshot_id
    ORDER BY CAST(s.snapshot_id AS INTEGER)`
}

function toKpis(row: Row): DashboardKpis {
  const buyers = Number(row['buyers'] ?? 0)
  return {
    snapshotId: String(row['snapshot_id']),
    asOf: String(row['as_of']),
    customers: Number(row['customers'] ?? 0),
    active: Number(row['active'] ?? 0),
    revenue: Number(row['revenue'] ?? 0),
    buyers,
    repeaters: Number(row['repeaters'] ?? 0),
    repeatRate: buyers > 0 ? Number(row['repeaters'] ?? 0) / buyers : null,
    avgClv: row['avg_clv'] === null || row['avg_clv'] === undefined ? null : Number(row['avg_clv']),
  }
}

/**
 * Everything the overview page draws for one snapshot (`latest` by default): headline KPIs and those of the
 * previous snapshot, the RFM segment / lifecycle / value-tier table, the R × F grid and a trend over the
 * last `trendLength` snapshots. A handful of grouped scans of `customer_scores`; nothing per customer.
 *
 * @example
 * const d = await dashboardSummary(conn, 'latest')
 * d.current.customers // 2000
 */
export async function dashboardSummary(
  conn: Connection,
  ref: string | undefined,
  trendLength = 12,
): Promise<DashboardSummary> {
  const snap = await findSnapshot(conn, ref)
  const ids = await conn.all<Row>(sql`SELECT snapshot_id FROM snapshots
    WHERE CAST(snapshot_id AS INTEGER) <= ${Number(snap.snapshotId)}
    ORDER BY CAST(snapshot_id AS INTEGER) DESC LIMIT ${trendLength}`)
  const trendIds = ids.map((r) => String(r['snapshot_id']))
  const trendRows = await conn.all<Row>(
    kpisQuery(conn, sql`snapshot_id IN (${join(trendIds.map((id) => sql`${id}`))})`),
  )
  const trend = trendRows.map(toKpis)
  const current = trend.find((k) => k.snapshotId === snap.snapshotId)!
  const at = trend.indexOf(current)
  const rfRows = await conn.all<Row>(sql`SELECT r, f, count(*) AS customers,
      ${conn.dialect.toDouble(sql`coalesce(sum(monetary), 0)`)} AS revenue
    FROM customer_scores WHERE snapshot_id = ${snap.snapshotId} AND r IS NOT NULL AND f IS NOT NULL
    GROUP BY r, f ORDER BY r, f`)
  return {
    current,
    previous: at > 0 ? trend[at - 1]! : null,
    bins: snap.bins,
    segments: await summarizeSnapshot(conn, snap.snapshotId),
    rf: rfRows.map((r) => ({
      r: Number(r['r']),
      f: Number(r['f']),
      customers: Number(r['customers']),
      revenue: Number(r['revenue']),
    })),
    trend,
  }
}

import type { Connection } from '../sql/driver.js'
import { ident, join, sql } from '../sql/fragment.js'
import './evaluation-tables.js'
import { GROUP_DIMENSIONS, type GroupDimension, UNSCORED } from './group-order.js'

export type DriftMetric = 'customers' | 'revenue'

export interface DriftAlert {
  readonly alertId: string
  readonly createdAt: string
  readonly snapshotFrom: string
  readonly snapshotTo: string
  readonly dimension: GroupDimension
  readonly group: string
  readonly metric: DriftMetric
  readonly valueFrom: number
  readonly valueTo: number
  /** Relative change (to − from) / from; null when the group was empty before. */
  readonly change: number | null
  readonly threshold: number
  readonly deliveredAt: string | null
}

export interface DriftOptions {
  /** Relative move that raises an alert, e.g. 0.2 for ±20% (default). */
  readonly threshold?: number
  /** Groups smaller than this in both snapshots are ignored: small groups swing by chance (default 30). */
  readonly minCustomers?: number
  readonly dimensions?: readonly GroupDimension[]
  /** When the check ran (the caller's clock). */
  readonly now: string
}

/**
 * Compares every pair of consecutive snapshots (by as-of date) and keeps an alert for each group whose
 * size or revenue (Σ net spend of its members) moved by more than the threshold. Alerts are identified
 * by (snapshots, grouping, group, metric), so checking again adds only what is new; returns those.
 *
 * @example
 * const fresh = await checkDrift(conn, { threshold: 0.25, now: '2024-07-01 08:00:00' })
 */
export async function checkDrift(conn: Connection, options: DriftOptions): Promise<DriftAlert[]> {
  const d = conn.dialect
  const threshold = options.threshold ?? 0.2
  const minCustomers = options.minCustomers ?? 30
  const dims = options.dimensions ?? GROUP_DIMENSIONS
  const order = await conn.all<{ snapshot_id: string }>(
    sql`SELECT snapshot_id FROM snapshots ORDER BY as_of, CAST(snapshot_id AS INTEGER)`,
  )
  if (order.length < 2) return []
  const groups = await conn.all<{
    snapshot_id: string
    dim: string
    k: string
    customers: number
    revenue: number
  }>(
    join(
      dims.map(
        (dim) => sql`SELECT snapshot_id, ${dim} AS dim, coalesce(${ident(dim)}, ${UNSCORED}) AS k,
          count(*) AS customers, ${d.toDouble(sql`coalesce(sum(monetary), 0)`)} AS revenue
          FROM customer_scores GROUP BY 1, 2, 3`,
      ),
      ' UNION ALL ',
    ),
  )
  const at = new Map(groups.map((g) => [`${g.snapshot_id}|${g.dim}|${g.k}`, g]))
  const existing = new Set(
    (await conn.all<{ alert_id: string }>(sql`SELECT alert_id FROM drift_alerts`)).map((r) => r.alert_id),
  )
  const fresh: DriftAlert[] = []
  for (let i = 1; i < order.length; i++) {
    const from = order[i - 1]!.snapshot_id
    const to = order[i]!.snapshot_id
    for (const dim of dims) {
      const keys = new Set(
        groups
          .filter((g) => g.dim === dim && (g.snapshot_id === from || g.snapshot_id === to))
          .map((g) => g.k),
      )
      for (const k of [...keys].sort()) {
        const a = at.get(`${from}|${dim}|${k}`)
        const b = at.get(`${to}|${dim}|${k}`)
        if (Math.max(Number(a?.customers ?? 0), Number(b?.customers ?? 0)) < minCustomers) continue
        for (const metric of ['customers', 'revenue'] as const) {
          const va = Number(a?.[metric] ?? 0)
          const vb = Number(b?.[metric] ?? 0)
          const change = va !== 0 ? (vb - va) / Math.abs(va) : null
          if (change === null ? vb === 0 : Math.abs(change) <= threshold) continue
          const alertId = `${from}>${to}:${dim}:${k}:${metric}`
          if (existing.has(alertId)) continue
          fresh.push({
            alertId,
            createdAt: options.now,
            snapshotFrom: from,
            snapshotTo: to,
            dimension: dim,
            group: k,
            metric,
            valueFrom: va,
            valueTo: vb,
            change,
            threshold,
            deliveredAt: null,
          })
        }
      }
    }
  }
  if (fresh.length) {
    await conn.transaction(async () => {
      for (const a of fresh) {
        await conn.run(sql`INSERT INTO drift_alerts (alert_id, created_at, snapshot_from, snapshot_to, dimension,
            group_key, metric, value_from, value_to, change, threshold, delivered_at)
          VALUES (${a.alertId}, ${d.timestampLiteral(a.createdAt)}, ${a.snapshotFrom}, ${a.snapshotTo}, ${a.dimension},
            ${a.group}, ${a.metric}, ${a.valueFrom}, ${a.valueTo}, ${a.change}, ${a.threshold}, NULL)`)
      }
    })
  }
  return fresh
}

function toAlert(r: Record<string, unknown>): DriftAlert {
  return {
    alertId: String(r['alert_id']),
    createdAt: String(r['created_at']),
    snapshotFrom: String(r['snapshot_from']),
    snapshotTo: String(r['snapshot_to']),
    dimension: r['dimension'] as GroupDimension,
    group: String(r['group_key']),
    metric: r['metric'] as DriftMetric,
    valueFrom: Number(r['value_from']),
    valueTo: Number(r['value_to']),
    change: r['change'] === null ? null : Number(r['change']),
    threshold: Number(r['threshold']),
    deliveredAt: r['delivered_at'] === null ? null : String(r['delivered_at']),
  }
}

const SELECT_ALERTS = sql`SELECT alert_id, CAST(created_at AS VARCHAR) AS created_at, snapshot_from, snapshot_to,
  dimension, group_key, metric, value_from, value_to, change, threshold, CAST(delivered_at AS VARCHAR) AS delivered_at
  FROM drift_alerts`

/** Stored alerts, newest snapshots first. */
export async function listAlerts(conn: Connection, options: { limit?: number } = {}): Promise<DriftAlert[]> {
  const rows = await conn.all(sql`${SELECT_ALERTS}
    ORDER BY CAST(snapshot_to AS INTEGER) DESC, dimension, group_key, metric LIMIT ${options.limit ?? 1000}`)
  return rows.map(toAlert)
}

/** Alerts not yet delivered (for the server's webhooks), oldest first. */
export async function pendingAlerts(conn: Connection): Promise<DriftAlert[]> {
  const rows = await conn.all(sql`${SELECT_ALERTS} WHERE delivered_at IS NULL
    ORDER BY CAST(snapshot_to AS INTEGER), dimension, group_key, metric`)
  return rows.map(toAlert)
}

/** Marks alerts delivered so `pendingAlerts` stops returning them. */
export async function markAlertsDelivered(
  conn: Connection,
  alertIds: readonly string[],
  now: string,
): Promise<void> {
  if (alertIds.length === 0) return
  await conn.run(sql`UPDATE drift_alerts SET delivered_at = ${conn.dialect.timestampLiteral(now)}
    WHERE alert_id IN (${join(alertIds.map((id) => sql`${id}`))})`)
}

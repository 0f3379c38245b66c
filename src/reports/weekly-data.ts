import { addDaysIso, findSnapshot, type SnapshotSummary, summarizeSnapshot } from '../analytics/index.js'
import { EXIT, StrataError } from '../core/diagnostics.js'
import {
  type CampaignResult,
  type CohortTable,
  cohortTable,
  type DriftAlert,
  kpiSeries,
  latestCampaignResults,
  listAlerts,
  type SegmentMigration,
  type SnapshotKpis,
  segmentMigration,
} from '../evaluation/index.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'

/** A high-value customer slipping away: what the report lists for action (no personal data but the id). */
export interface AtRiskCustomer {
  readonly customerId: string
  readonly rfmSegment: string | null
  readonly lifecycle: string
  readonly valueTier: string | null
  readonly recencyDays: number | null
  readonly frequency: number | null
  readonly monetary: number
  readonly clv12m: number | null
  readonly pAlive: number | null
  /** Only when the report was asked to include contact details. */
  readonly contact?: {
    readonly name: string | null
    readonly email: string | null
    readonly phone: string | null
  }
}

/** The latest import's data-quality figures (from `imports.report`). */
export interface ImportQuality {
  readonly importId: string
  readonly kind: string
  readonly status: string
  readonly finishedAt: string | null
  readonly rowsRead: number
  readonly rowsImported: number
  readonly rowsRejected: number
  readonly report: Record<string, unknown> | null
}

/** Everything the weekly report shows, gathered from the store (pure data: rendering is separate). */
export interface WeeklyData {
  readonly asOf: string
  readonly current: SnapshotSummary
  readonly previous: SnapshotSummary | null
  readonly kpis: readonly SnapshotKpis[]
  readonly migration: SegmentMigration | null
  readonly cohorts: CohortTable
  readonly atRisk: {
    readonly customers: number
    readonly monetary: number
    readonly top: readonly AtRiskCustomer[]
  }
  readonly campaigns: readonly CampaignResult[]
  readonly alerts: readonly DriftAlert[]
  readonly quality: ImportQuality | null
}

/** The newest snapshot whose as-of date is on or before `date` (ties: the newest id). */
async function snapshotOnOrBefore(conn: Connection, date: string): Promise<string | null> {
  const row = await conn.one<{ snapshot_id: string }>(sql`SELECT snapshot_id FROM snapshots
    WHERE as_of <= ${conn.dialect.dateLiteral(date)} ORDER BY as_of DESC, CAST(snapshot_id AS INTEGER) DESC LIMIT 1`)
  return row?.snapshot_id ?? null
}

/**
 * Gathers the weekly report as of `asOf` (default: the latest snapshot's date); campaign results measured
 * up to `asOf` are included. "This week" is the newest
 * snapshot on or before `asOf`; "last week" the newest at least 7 days older, else the one just before.
 */
export async function gatherWeekly(
  conn: Connection,
  options: { asOf?: string; atRiskLimit?: number; cohortMonths?: number; withContact?: boolean } = {},
): Promise<WeeklyData> {
  const asOf = options.asOf ?? (await findSnapshot(conn, 'latest')).asOf
  const currentId = await snapshotOnOrBefore(conn, asOf)
  if (currentId === null)
    throw new StrataError({ code: 'reports.no_snapshot', params: { asOf } }, EXIT.NOT_FOUND)
  const current = await summarizeSnapshot(conn, currentId)
  let previousId = await snapshotOnOrBefore(conn, addDaysIso(current.asOf, -7))
  if (previousId === null) {
    const row = await conn.one<{ snapshot_id: string }>(sql`SELECT snapshot_id FROM snapshots
      WHERE CAST(snapshot_id AS INTEGER) < ${Number(currentId)} ORDER BY as_of DESC, CAST(snapshot_id AS INTEGER) DESC LIMIT 1`)
    previousId = row?.snapshot_id ?? null
  }
  const previous = previousId ? await summarizeSnapshot(conn, previousId) : null
  const migration = previousId
    ? await segmentMigration(conn, { from: previousId, to: currentId, dimension: 'rfm_segment' })
    : null
  const d = conn.dialect
  const risky = sql`FROM customer_scores WHERE snapshot_id = ${currentId} AND value_tier IN ('high', 'potential')
    AND (lifecycle = 'At-risk' OR rfm_segment IN ('At Risk', 'Cannot Lose Them'))`
  const totals = await conn.one<{ n: number; m: number | null }>(
    sql`SELECT count(*) AS n, ${d.toDouble(sql`sum(monetary)`)} AS m ${risky}`,
  )
  const top = await conn.all<Record<string, string | number | null>>(sql`
    SELECT s.customer_id, s.rfm_segment, s.lifecycle, s.value_tier, s.recency_days, s.frequency,
      ${d.toDouble(sql`s.monetary`)} AS monetary, ${d.toDouble(sql`s.clv_12m`)} AS clv_12m, s.p_alive,
      c.name, c.email, c.phone
    FROM (SELECT * ${risky}) s LEFT JOIN customers c ON c.customer_id = s.customer_id
    ORDER BY coalesce(s.clv_12m, s.monetary) DESC, s.customer_id LIMIT ${options.atRiskLimit ?? 15}`)
  const quality = await conn.one<Record<string, string | number | null>>(sql`
    SELECT import_id, kind, status, CAST(finished_at AS VARCHAR) AS finished_at, rows_read, rows_imported,
      rows_rejected, CAST(report AS VARCHAR) AS report
    FROM imports ORDER BY finished_at DESC NULLS LAST, started_at DESC NULLS LAST LIMIT 1`)
  const alerts = (await listAlerts(conn)).filter((a) => a.snapshotTo === currentId)
  return {
    asOf,
    current,
    previous,
    kpis: await kpiSeries(conn, { until: current.asOf }),
    migration,
    cohorts: await cohortTable(conn, {
      asOf: current.asOf,
      months: options.cohortMonths ?? 12,
      snapshotId: currentId,
    }),
    atRisk: {
      customers: Number(totals?.n ?? 0),
      monetary: Number(totals?.m ?? 0),
      top: top.map((r) => ({
        customerId: String(r['customer_id']),
        rfmSegment: (r['rfm_segment'] as string | null) ?? null,
        lifecycle: String(r['lifecycle']),
        valueTier: (r['value_tier'] as string | null) ?? null,
        recencyDays: r['recency_days'] === null ? null : Number(r['recency_days']),
        frequency: r['frequency'] === null ? null : Number(r['frequency']),
        monetary: Number(r['monetary']),
        clv12m: r['clv_12m'] === null ? null : Number(r['clv_12m']),
        pAlive: r['p_alive'] === null ? null : Number(r['p_alive']),
        // Personal data leaves the store only when asked for (DESIGN §6).
        ...(options.withContact
          ? {
              contact: {
                name: (r['name'] as string | null) ?? null,
                email: (r['email'] as string | null) ?? null,
                phone: (r['phone'] as string | null) ?? null,
              },
            }
          : {}),
      })),
    },
    campaigns: await latestCampaignResults(conn, asOf),
    alerts,
    quality: quality
      ? {
          importId: String(quality['import_id']),
          kind: String(quality['kind']),
          status: String(quality['status']),
          finishedAt: (quality['finished_at'] as string | null) ?? null,
          rowsRead: Number(quality['rows_read'] ?? 0),
          rowsImported: Number(quality['rows_imported'] ?? 0),
          rowsRejected: Number(quality['rows_rejected'] ?? 0),
          report: quality['report']
            ? (JSON.parse(String(quality['report'])) as Record<string, unknown>)
            : null,
        }
      : null,
  }
}

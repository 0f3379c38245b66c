import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import type { AnalysisConfig } from './analysis-config.js'
import './snapshot-tables.js'

/** A stored snapshot's header. */
export interface SnapshotInfo {
  readonly snapshotId: string
  readonly asOf: string
  readonly windowStart: string | null
  readonly createdAt: string | null
  readonly bins: number
  readonly config: AnalysisConfig
  readonly customersTotal: number
  readonly customersScored: number
}

/**
 * Finds a snapshot by id, or the newest for `latest` / undefined. A missing one is a user error.
 *
 * @example
 * const snap = await findSnapshot(conn, 'latest')
 */
export async function findSnapshot(conn: Connection, ref: string | undefined): Promise<SnapshotInfo> {
  const d = conn.dialect
  const latest = ref === undefined || ref === 'latest'
  const where = latest
    ? sql`snapshot_id = (SELECT CAST(max(CAST(snapshot_id AS INTEGER)) AS VARCHAR) FROM snapshots)`
    : sql`snapshot_id = ${ref}`
  const row = await conn.one<Record<string, string | number | null>>(sql`
    SELECT snapshot_id, ${d.formatDate(sql`as_of`)} AS as_of, ${d.formatDate(sql`window_start`)} AS window_start,
      CAST(created_at AS VARCHAR) AS created_at, bins, config, customers_total, customers_scored
    FROM snapshots WHERE ${where}`)
  if (!row) {
    throw new StrataError(
      latest
        ? { code: 'analytics.no_snapshots' }
        : { code: 'analytics.snapshot_not_found', params: { snapshot: ref } },
      EXIT.NOT_FOUND,
    )
  }
  return {
    snapshotId: String(row['snapshot_id']),
    asOf: String(row['as_of']),
    windowStart: (row['window_start'] as string | null) ?? null,
    createdAt: (row['created_at'] as string | null) ?? null,
    bins: Number(row['bins']),
    config: JSON.parse(String(row['config'])) as AnalysisConfig,
    customersTotal: Number(row['customers_total']),
    customersScored: Number(row['customers_scored']),
  }
}

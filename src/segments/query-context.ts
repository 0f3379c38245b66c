import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'

/** What a definition is evaluated against (the language's `SegmentQueryContext`). */
export interface SegmentContext {
  /** `YYYY-MM-DD`: relative dates (`-30d`, `today`) and `within:` windows count back from it. */
  readonly asOf: string
  /** Scores and predictions come from this snapshot; null when none exists (score fields are NULL). */
  readonly snapshotId: string | null
}

/**
 * The context for an on-demand evaluation: the latest snapshot and its `asOf` (so "last 30 days" means
 * the 30 days the scores describe), or `fallbackAsOf` (the edge's today) when nothing was analysed yet.
 * An explicit `asOf` wins over the snapshot's.
 *
 * @example
 * const ctx = await latestContext(conn, { fallbackAsOf: '2026-06-08' })
 */
export async function latestContext(
  conn: Connection,
  options: { asOf?: string; fallbackAsOf: string },
): Promise<SegmentContext> {
  const row = await conn.one<{ snapshot_id: string; as_of: string }>(sql`
    SELECT snapshot_id, ${conn.dialect.formatDate(sql`as_of`)} AS as_of FROM snapshots
    WHERE snapshot_id = (SELECT CAST(max(CAST(snapshot_id AS INTEGER)) AS VARCHAR) FROM snapshots)`)
  if (!row) return { asOf: options.asOf ?? options.fallbackAsOf, snapshotId: null }
  return { asOf: options.asOf ?? String(row.as_of), snapshotId: String(row.snapshot_id) }
}

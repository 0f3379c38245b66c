import type { BulkFormat, Connection } from '../sql/driver.js'
import { type Fragment, ident, join, sql } from '../sql/fragment.js'
import { exportToFile } from '../sql/spreadsheet-safe.js'
import { CUSTOMER_SCORES } from './snapshot-tables.js'

/** Every column of a snapshot's customer rows except the snapshot id, in table order. */
export const EXPORT_COLUMNS: readonly string[] = CUSTOMER_SCORES.columns
  .map((c) => c.name)
  .filter((n) => n !== 'snapshot_id')

/**
 * One row per customer of a snapshot: `customer_id, recency_days, frequency, monetary, r, f, m, rfm_code,
 * rfm_segment, lifecycle, value_tier`, then predictions, reasons and features; ordered by customer id.
 *
 * @example
 * await conn.copyToFile(scoresExportQuery('3'), 'scores.csv', 'csv')
 */
export function scoresExportQuery(snapshotId: string): Fragment {
  return sql`SELECT ${join(EXPORT_COLUMNS.map((c) => sql`${ident(c)}`))}
    FROM customer_scores WHERE snapshot_id = ${snapshotId} ORDER BY customer_id`
}

/**
 * Writes a snapshot's scores to a file with the engine's bulk writer (rows never pass through JavaScript).
 *
 * @example
 * await exportScores(conn, { snapshotId: '3', format: 'parquet', path: 'scores.parquet' })
 */
export async function exportScores(
  conn: Connection,
  options: { snapshotId: string; format: BulkFormat; path: string },
): Promise<void> {
  await exportToFile(conn, scoresExportQuery(options.snapshotId), options.path, options.format)
}

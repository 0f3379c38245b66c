import type { Diagnostic } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'

/**
 * The hook through which predictive models (src/models) feed an analysis. `analyze` calls it after the
 * feature stage and before lifecycle and value tiers. On success it names a TEMP table with one row per
 * customer it predicts for and the columns
 * `customer_id, clv_12m, expected_purchases_90d, p_alive, expected_next_order_at` (DATE);
 * `info` (parameters, fit quality) is stored with the snapshot. On `ok: false` its diagnostics are kept
 * as snapshot warnings and the rest of the analysis still runs, with null predictions.
 *
 * @example
 * const predict: PredictionStep = async (conn, { asOf }) => {
 *   await conn.run(sql`${conn.dialect.replaceTempTable('preds')} AS SELECT …`)
 *   return { ok: true, table: 'preds', info: { model: 'bg-nbd', asOf } }
 * }
 * await analyze(conn, { asOf: '2011-12-10', predict })
 */
export type PredictionStep = (
  conn: Connection,
  input: { asOf: string; snapshotId: string },
) => Promise<
  { ok: true; table: string; info: Record<string, unknown> } | { ok: false; diagnostics: Diagnostic[] }
>

/** Columns a prediction table must have, in the order the scores stage reads them. */
export const PREDICTION_TABLE_COLUMNS = [
  'customer_id',
  'clv_12m',
  'expected_purchases_90d',
  'p_alive',
  'expected_next_order_at',
] as const

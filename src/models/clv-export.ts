import type { Result } from '../core/diagnostics.js'
import type { BulkFormat, Connection } from '../sql/driver.js'
import { ident, sql } from '../sql/fragment.js'
import { exportToFile } from '../sql/spreadsheet-safe.js'
import type { TimeUnit } from './btyd-data.js'
import { addDaysIso, calibrationWindow } from './btyd-summary.js'
import type { ClvOptions } from './clv-horizon.js'
import { scoreCustomers } from './customer-scoring.js'
import { fitModels } from './fit-models.js'

/**
 * Writes per-customer predictions (summary, P(alive), churn risk, expected purchases in 90 days, expected
 * order value, 12-month CLV, next order date) for a calibration end to a file, ordered by customer id.
 * Returns the number of customers written.
 *
 * @example
 * await exportClv(conn, { calibrationEnd: '1997-09-30', unit: 'week', format: 'csv', path: 'clv.csv' })
 */
export async function exportClv(
  conn: Connection,
  input: {
    calibrationEnd: string
    unit: TimeUnit
    format: BulkFormat
    path: string
    includeZeroAmount?: boolean
  } & ClvOptions,
): Promise<Result<{ customers: number }>> {
  const fitted = await fitModels(conn, calibrationWindow(input.calibrationEnd, input.includeZeroAmount), {
    unit: input.unit,
    models: 'bgnbd+gg',
  })
  if (!fitted.ok) return fitted
  const table = await scoreCustomers(conn, fitted.value, {
    ...input,
    startDate: addDaysIso(input.calibrationEnd, 1),
  })
  const d = conn.dialect
  await exportToFile(
    conn,
    sql`SELECT customer_id, x AS repeat_purchases, tx_days, "T_days" AS t_days, monetary AS mean_repeat_value,
      p_alive, 1 - p_alive AS churn_risk, expected_purchases_90d, expected_aov, clv_12m,
      ${d.formatDate(sql`expected_next_order_at`)} AS expected_next_order_at
    FROM ${ident(table)} ORDER BY customer_id`,
    input.path,
    input.format,
  )
  return { ok: true, value: { customers: fitted.value.customers } }
}

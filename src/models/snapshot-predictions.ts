import type { PredictionStep } from '../analytics/prediction-step.js'
import type { Connection } from '../sql/driver.js'
import { ident, sql } from '../sql/fragment.js'
import type { TimeUnit } from './btyd-data.js'
import { asOfWindow } from './btyd-summary.js'
import type { ClvOptions } from './clv-horizon.js'
import { scoreCustomers } from './customer-scoring.js'
import { fitModels } from './fit-models.js'

export interface PredictStepOptions extends ClvOptions {
  /** Time unit of the fit (default week: BTYD fits are conventionally weekly, and day-level noise is spared). */
  readonly unit?: TimeUnit
  readonly minRepeatBuyers?: number
}

/**
 * A `PredictionStep` for `analyze`, configurable. See `predictStep` for the default.
 *
 * @example
 * await analyze(conn, { asOf: '2011-12-10', predict: makePredictStep({ discountRate: 0.08 }) })
 */
export function makePredictStep(options: PredictStepOptions = {}): PredictionStep {
  return async (conn: Connection, { asOf, snapshotId }) => {
    const unit = options.unit ?? 'week'
    const fitted = await fitModels(conn, asOfWindow(asOf), {
      unit,
      models: 'bgnbd+gg',
      minRepeatBuyers: options.minRepeatBuyers,
      summaryTable: 'snapshot_btyd_summary',
    })
    if (!fitted.ok) return { ok: false, diagnostics: fitted.diagnostics }
    const models = fitted.value
    const scored = await scoreCustomers(conn, models, {
      ...options,
      startDate: asOf,
      table: 'snapshot_btyd_scores',
    })
    const table = 'snapshot_predictions'
    await conn.run(sql`DROP TABLE IF EXISTS ${ident(table)}`)
    await conn.run(sql`
      CREATE TEMPORARY TABLE ${ident(table)} AS
      SELECT customer_id, clv_12m, expected_purchases_90d, p_alive, expected_next_order_at
      FROM ${ident(scored)}`)
    const bg = models.bgnbd!
    return {
      ok: true,
      table,
      info: {
        snapshotId,
        asOf,
        unit,
        model: 'bgnbd+gg',
        bgnbd: { params: bg.params, standardErrors: bg.standardErrors, logLikelihood: bg.logLikelihood },
        gg: models.gg
          ? {
              params: models.gg.params,
              standardErrors: models.gg.standardErrors,
              logLikelihood: models.gg.logLikelihood,
            }
          : null,
        customers: models.customers,
        repeatBuyers: models.repeatBuyers,
        distinctSummaries: models.data.size,
        warnings: models.warnings,
        definitions: {
          clv_12m:
            'Σ monthly BG/NBD expected purchases × Gamma-Gamma expected value, discounted (annual rate, mid-month)',
          expected_next_order_at:
            'asOf + days until BG/NBD expected purchases reach 1; null if not within 12 months',
        },
      },
    }
  }
}

/**
 * The snapshot's prediction step: BG/NBD + Gamma-Gamma fitted on the orders before `asOf` (T measured to
 * `asOf`, weeks), every customer with a purchase scored. Refuses (ok: false, diagnostics) on data that
 * cannot support a fit: no purchases, a single day of history, fewer than 20 repeat buyers.
 *
 * @example
 * await analyze(conn, { asOf: '2011-12-10', predict: predictStep })
 */
export const predictStep: PredictionStep = makePredictStep()

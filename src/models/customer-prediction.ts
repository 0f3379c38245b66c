import { EXIT, type Result, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { ident, sql } from '../sql/fragment.js'
import { bgnbdConditionalExpected, bgnbdPAlive } from './bgnbd-predict.js'
import { type TimeUnit, UNIT_DAYS } from './btyd-data.js'
import { calibrationWindow, purchaseCondition } from './btyd-summary.js'
import {
  type ClvOptions,
  daysUntilExpected,
  discountedPurchases,
  discountFactors,
  horizonGrid,
} from './clv-horizon.js'
import { type FittedModels, fitModels } from './fit-models.js'
import { gammaGammaExpectedValue } from './gamma-gamma.js'
import { paretoNbdConditionalExpected, paretoNbdPAlive } from './pareto-nbd.js'

export interface CustomerPrediction {
  readonly customerId: string
  readonly calibrationEnd: string
  readonly unit: TimeUnit
  readonly horizon: number
  readonly summary: {
    x: number
    tx: number
    T: number
    monetary: number | null
    firstPurchase: string
    lastPurchase: string
  }
  readonly bgnbd: {
    pAlive: number
    expectedPurchases: number
    clv: number | null
    nextOrderInDays: number | null
  }
  readonly pareto: { pAlive: number; expectedPurchases: number } | null
  readonly expectedAov: number | null
}

/**
 * The newest purchase date in the store (the default calibration end), or undefined for an empty store.
 *
 * @example
 * await latestPurchaseDate(conn) // '1998-06-30'
 */
export async function latestPurchaseDate(conn: Connection): Promise<string | undefined> {
  const d = conn.dialect
  const row = await conn.one<{ d: string | null }>(
    sql`SELECT ${d.formatDate(d.dateOf(sql`max(ordered_at)`))} AS d FROM orders AS o WHERE ${purchaseCondition()}`,
  )
  return row?.d ?? undefined
}

/**
 * One customer's summary and predictions over `horizon` units after the calibration end: P(alive) and
 * expected purchases under BG/NBD and Pareto/NBD, Gamma-Gamma expected order value and the BG/NBD ×
 * Gamma-Gamma CLV over the horizon (see clv-horizon.ts). Throws a not-found StrataError for an unknown
 * customer or one without purchases in the period.
 *
 * @example
 * const r = await predictCustomer(conn, { customerId: '1516', horizon: 52, unit: 'week', calibrationEnd: '1997-09-30' })
 */
export async function predictCustomer(
  conn: Connection,
  input: {
    customerId: string
    horizon: number
    unit: TimeUnit
    calibrationEnd: string
    includeZeroAmount?: boolean
  } & ClvOptions,
): Promise<Result<CustomerPrediction>> {
  const fitted = await fitModels(conn, calibrationWindow(input.calibrationEnd, input.includeZeroAmount), {
    unit: input.unit,
    models: 'all',
  })
  if (!fitted.ok) return fitted
  const m: FittedModels = fitted.value
  const row = await conn.one<{
    x: number
    tx_days: number
    T_days: number
    monetary: number | null
    first: string
    last: string
  }>(sql`
    SELECT x, tx_days, "T_days", monetary, CAST(first_purchase AS VARCHAR) AS first, CAST(last_purchase AS VARCHAR) AS last
    FROM ${ident(m.summaryTable)} WHERE customer_id = ${input.customerId}`)
  if (!row) {
    throw new StrataError(
      { code: 'models.customer_not_found', params: { id: input.customerId, date: input.calibrationEnd } },
      EXIT.NOT_FOUND,
    )
  }
  const perUnit = UNIT_DAYS[input.unit]
  const x = row.x
  const tx = row.tx_days / perUnit
  const T = row.T_days / perUnit
  const bg = m.bgnbd!.params
  const horizonDays = input.horizon * perUnit
  const grid = horizonGrid({ ...input, horizonDays })
  const cumulative = grid.map((d) => bgnbdConditionalExpected(bg, x, tx, T, d / perUnit))
  const aov = m.gg ? gammaGammaExpectedValue(m.gg.params, x, row.monetary ?? 0) : null
  return {
    ok: true,
    value: {
      customerId: input.customerId,
      calibrationEnd: input.calibrationEnd,
      unit: input.unit,
      horizon: input.horizon,
      summary: { x, tx, T, monetary: row.monetary, firstPurchase: row.first, lastPurchase: row.last },
      bgnbd: {
        pAlive: bgnbdPAlive(bg, x, tx, T),
        expectedPurchases: bgnbdConditionalExpected(bg, x, tx, T, input.horizon),
        clv:
          aov === null
            ? null
            : discountedPurchases(cumulative, discountFactors({ ...input, horizonDays })) * aov,
        nextOrderInDays: daysUntilExpected(cumulative, grid),
      },
      pareto: m.pareto
        ? {
            pAlive: paretoNbdPAlive(m.pareto.params, x, tx, T),
            expectedPurchases: paretoNbdConditionalExpected(m.pareto.params, x, tx, T, input.horizon),
          }
        : null,
      expectedAov: aov,
    },
  }
}

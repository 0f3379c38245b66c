import type { Connection } from '../sql/driver.js'
import { type Fragment, ident, join, raw, sql } from '../sql/fragment.js'
import type { BgnbdParams } from './bgnbd-fit.js'
import { bgnbdExpectedIfAlive } from './bgnbd-predict.js'
import { UNIT_DAYS } from './btyd-data.js'
import { type ClvOptions, discountedPurchases, discountFactors, horizonGrid } from './clv-horizon.js'
import type { FittedModels } from './fit-models.js'

/** Columns of the per-customer prediction table written by `scoreCustomers`. */
export const PREDICTION_COLUMNS = [
  'customer_id',
  'x',
  'tx_days',
  'T_days',
  'monetary',
  'p_alive',
  'expected_purchases_90d',
  'expected_aov',
  'clv_12m',
  'expected_next_order_at',
] as const

export interface ScoreOptions extends ClvOptions {
  /** Predictions count from this date (asOf, or the day after the calibration end). */
  readonly startDate: string
  /** Days of the short-horizon expectation (default 90). */
  readonly shortDays?: number
  /** Name of the TEMP result table (default `btyd_predictions`). */
  readonly table?: string
}

/**
 * Scores every customer of the fitted summary with BG/NBD + Gamma-Gamma, keeping per-customer rows inside
 * the store: the ₂F₁-bearing part of E[Y(t)] depends only on (x, T), so it is computed in TypeScript once
 * per distinct (x, T) and appended to a TEMP table; P(alive), the products, the Gamma-Gamma mean and the
 * next-order date are closed forms evaluated in SQL with the fitted parameters as bound values.
 *
 * @example
 * const table = await scoreCustomers(conn, fitted, { startDate: '1997-10-01' })
 */
export async function scoreCustomers(
  conn: Connection,
  fitted: FittedModels,
  options: ScoreOptions,
): Promise<string> {
  const bg = fitted.bgnbd
  if (!bg) throw new Error('scoreCustomers needs a BG/NBD fit')
  const table = options.table ?? 'btyd_predictions'
  const leads = await writeLeadTable(conn, fitted, bg.params, options)
  const d = conn.dialect
  const perUnit = UNIT_DAYS[fitted.unit]
  const { r, alpha, a, b } = bg.params
  const tUnits = sql`(CAST(s.T_days AS DOUBLE) / ${perUnit})`
  const txUnits = sql`(CAST(s.tx_days AS DOUBLE) / ${perUnit})`
  const logOdds = sql`ln(${a}) - ln(${b} + s.x - 1) + (${r} + s.x) * (ln(${alpha} + ${tUnits}) - ln(${alpha} + ${txUnits}))`
  const gg = fitted.gg?.params
  const aov = gg
    ? sql`${gg.p} * (${gg.gamma} + s.x * coalesce(s.monetary, 0)) / (${gg.p} * s.x + ${gg.q} - 1)`
    : sql`coalesce(s.monetary, (SELECT avg(monetary) FROM ${ident(fitted.summaryTable)}))`
  const grid = horizonGrid(options)
  await conn.run(sql`DROP TABLE IF EXISTS ${ident(table)}`)
  await conn.run(sql`
    CREATE TEMPORARY TABLE ${ident(table)} AS
    SELECT customer_id, x, tx_days, "T_days", monetary, p_alive,
      lead_90 * p_alive AS expected_purchases_90d,
      expected_aov,
      lead_dep * p_alive * expected_aov AS clv_12m,
      ${d.addDays(d.dateLiteral(options.startDate), sql`CAST(round(${nextOrderDays(grid)}) AS INTEGER)`)} AS expected_next_order_at
    FROM (
      SELECT s.customer_id, s.x, s.tx_days, s.T_days AS "T_days", s.monetary, l.*,
        CASE WHEN s.x = 0 THEN 1.0 WHEN ${logOdds} > 700 THEN 0.0 ELSE 1.0 / (1.0 + exp(${logOdds})) END AS p_alive,
        ${aov} AS expected_aov
      FROM ${ident(fitted.summaryTable)} s
      JOIN ${ident(leads)} l ON l.lx = s.x AND l.lt = s.T_days
    ) scored`)
  return table
}

/** CASE chain: the day E(t) = lead(t)·p_alive reaches 1, linear between grid points; NULL beyond. */
function nextOrderDays(grid: readonly number[]): Fragment {
  const branches = grid.map((t, k) => {
    const e = sql`(${raw(`g${k + 1}`)} * p_alive)`
    const prevE = k === 0 ? sql`0.0` : sql`(${raw(`g${k}`)} * p_alive)`
    const prevT = k === 0 ? 0 : grid[k - 1]!
    return sql`WHEN ${e} >= 1 THEN ${prevT} + (1 - ${prevE}) / (${e} - ${prevE}) * ${t - prevT}`
  })
  return sql`CASE ${join(branches, ' ')} END`
}

async function writeLeadTable(
  conn: Connection,
  fitted: FittedModels,
  params: BgnbdParams,
  options: ScoreOptions,
): Promise<string> {
  const table = `${options.table ?? 'btyd_predictions'}_leads`
  const perUnit = UNIT_DAYS[fitted.unit]
  const grid = horizonGrid(options)
  const factors = discountFactors(options)
  const shortDays = options.shortDays ?? 90
  const gridCols = grid.map((_, k) => `g${k + 1}`)
  const pairs = await conn.all<{ x: number; t: number }>(
    sql`SELECT DISTINCT x, "T_days" AS t FROM ${ident(fitted.tuplesTable)}`,
  )
  const rows: number[][] = []
  for (const { x, t: tDays } of pairs) {
    const T = tDays / perUnit
    const cumulative = grid.map((days) => bgnbdExpectedIfAlive(params, x, T, days / perUnit))
    rows.push([
      x,
      tDays,
      bgnbdExpectedIfAlive(params, x, T, shortDays / perUnit),
      discountedPurchases(cumulative, factors),
      ...cumulative,
    ])
  }
  const d = conn.dialect
  const columns = ['lx', 'lt', 'lead_90', 'lead_dep', ...gridCols]
  const types = columns.map((c, i) => `${d.quoteIdent(c)} ${d.columnType(i < 2 ? 'integer' : 'double')}`)
  await conn.run(sql`DROP TABLE IF EXISTS ${ident(table)}`)
  await conn.run(sql`CREATE TEMPORARY TABLE ${ident(table)} (${raw(types.join(', '))})`)
  await conn.append(table, columns, rows)
  return table
}

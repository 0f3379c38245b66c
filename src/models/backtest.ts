import type { Result } from '../core/diagnostics.js'
import type { Connection, Row } from '../sql/driver.js'
import { type Fragment, ident, sql } from '../sql/fragment.js'
import type { BgnbdParams } from './bgnbd-fit.js'
import { bgnbdExpectedIfAlive, bgnbdPAlive } from './bgnbd-predict.js'
import { type TimeUnit, UNIT_DAYS } from './btyd-data.js'
import {
  addDaysIso,
  calibrationWindow,
  daysBetweenIso,
  loadBtydTuples,
  purchaseCondition,
} from './btyd-summary.js'
import { type FittedModels, fitModels, type ModelChoice } from './fit-models.js'
import type { ModelFit } from './model-fit.js'
import { paretoNbdConditionalExpected } from './pareto-nbd.js'

const BAND_ORDER = ['Low', 'Medium', 'High']

export interface BacktestOptions {
  readonly calibrationEnd: string
  readonly holdoutEnd: string
  readonly unit: TimeUnit
  readonly includeZeroAmount?: boolean
  /** 'all' adds Pareto/NBD predictions beside BG/NBD (default 'all'). */
  readonly models?: Extract<ModelChoice, 'all' | 'bgnbd+gg'>
  /** churn_risk = 1 − P(alive) bands: Low below `medium`, Medium below `high`, else High. */
  readonly churnBands?: { readonly medium: number; readonly high: number }
}

export interface ErrorMetrics {
  readonly mae: number
  readonly rmse: number
  readonly correlation: number | null
}

/** Everything a backtest found; stored as JSON in `backtests.result`. */
export interface BacktestResult {
  readonly calibrationEnd: string
  readonly holdoutEnd: string
  readonly unit: TimeUnit
  readonly holdoutLength: number
  readonly customers: number
  readonly fits: { readonly bgnbd: ModelFit; readonly pareto?: ModelFit; readonly gg?: ModelFit }
  readonly totals: {
    readonly actualPurchases: number
    readonly predictedBgnbd: number
    readonly predictedPareto: number | null
    readonly actualSpend: number
    readonly predictedSpend: number | null
  }
  readonly purchases: ErrorMetrics
  readonly spend: ErrorMetrics | null
  /** Per holdout period (unit): actual and BG/NBD-predicted repeat purchases, incremental and cumulative. */
  readonly tracking: readonly {
    period: number
    actual: number
    predicted: number
    actualCumulative: number
    predictedCumulative: number
  }[]
  readonly deciles: readonly {
    decile: number
    customers: number
    predicted: number
    actual: number
    lift: number
  }[]
  readonly churnBands: readonly GroupRow[]
  /** By RFM segment of the analytics snapshot at the calibration end, when one exists. */
  readonly rfmSegments: readonly GroupRow[] | null
}

export interface GroupRow {
  readonly group: string
  readonly customers: number
  readonly meanPAlive: number
  readonly predicted: number
  readonly actual: number
  /** Share of the group's customers who bought in the holdout. */
  readonly activeShare: number
}

/**
 * Fits on the calibration period (orders through `calibrationEnd`) and compares with what happened
 * through `holdoutEnd`, for the calibration customers: per customer and in total, per period, by decile of
 * predicted purchases, by churn band and by RFM segment.
 *
 * @example
 * const r = await backtest(conn, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unit: 'week' })
 * if (r.ok) r.value.totals.predictedBgnbd // CDNOW: 1653.4 against 1882 actual
 */
export async function backtest(conn: Connection, options: BacktestOptions): Promise<Result<BacktestResult>> {
  const unit = options.unit
  const perUnit = UNIT_DAYS[unit]
  const holdoutDays = daysBetweenIso(options.calibrationEnd, options.holdoutEnd)
  if (!(holdoutDays > 0)) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'models.backtest.bad_holdout',
          params: { ...options },
          at: { field: 'holdout_end', value: options.holdoutEnd },
        },
      ],
    }
  }
  const period = calibrationWindow(options.calibrationEnd, options.includeZeroAmount)
  const fitted = await fitModels(conn, period, {
    unit,
    models: options.models ?? 'all',
    summaryTable: 'backtest_summary',
  })
  if (!fitted.ok) return fitted
  // Per-tuple predictions need every (x, t_x, T) row, also when the fit itself ran in the store.
  const m = fitted.value.dataComplete
    ? fitted.value
    : {
        ...fitted.value,
        data: await loadBtydTuples(conn, fitted.value.tuplesTable, unit),
        dataComplete: true,
      }
  const bg = m.bgnbd!
  const H = holdoutDays / perUnit
  await writeTuplePredictions(conn, m, H)
  const actual = await writeActuals(conn, options, m.summaryTable)
  const gg = m.gg?.params
  const aov = gg
    ? sql`${gg.p} * (${gg.gamma} + s.x * coalesce(s.monetary, 0)) / (${gg.p} * s.x + ${gg.q} - 1)`
    : conn.dialect.typedNull('double')
  await conn.run(sql`DROP TABLE IF EXISTS backtest_customers`)
  await conn.run(sql`
    CREATE TEMPORARY TABLE backtest_customers AS
    SELECT s.customer_id AS customer_id, s.x AS x, p.p_alive AS p_alive, p.pred_bg AS pred_bg,
      p.pred_pareto AS pred_pareto, p.pred_bg * ${aov} AS pred_spend,
      coalesce(a.purchases, 0) AS actual, coalesce(a.spend, 0) AS actual_spend
    FROM ${ident(m.summaryTable)} s
    JOIN backtest_tuples p ON p.x = s.x AND p.tx_days = s.tx_days AND p.t_days = s.T_days
    LEFT JOIN ${ident(actual)} a ON a.customer_id = s.customer_id`)
  const totals = (await conn.one<Row>(sql`
    SELECT sum(actual) AS actual, sum(pred_bg) AS bg, sum(pred_pareto) AS pareto,
      sum(actual_spend) AS actual_spend, sum(pred_spend) AS pred_spend,
      avg(abs(pred_bg - actual)) AS mae, sqrt(avg((pred_bg - actual) * (pred_bg - actual))) AS rmse,
      corr(pred_bg, actual) AS corr,
      avg(abs(pred_spend - actual_spend)) AS s_mae,
      sqrt(avg((pred_spend - actual_spend) * (pred_spend - actual_spend))) AS s_rmse,
      corr(pred_spend, actual_spend) AS s_corr
    FROM backtest_customers`))!
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  const bands = options.churnBands ?? { medium: 0.3, high: 0.7 }
  return {
    ok: true,
    value: {
      calibrationEnd: options.calibrationEnd,
      holdoutEnd: options.holdoutEnd,
      unit,
      holdoutLength: H,
      customers: m.customers,
      fits: { bgnbd: bg, ...(m.pareto ? { pareto: m.pareto } : {}), ...(m.gg ? { gg: m.gg } : {}) },
      totals: {
        actualPurchases: Number(totals['actual']),
        predictedBgnbd: Number(totals['bg']),
        predictedPareto: m.pareto ? Number(totals['pareto']) : null,
        actualSpend: Number(totals['actual_spend']),
        predictedSpend: m.gg ? Number(totals['pred_spend']) : null,
      },
      purchases: {
        mae: Number(totals['mae']),
        rmse: Number(totals['rmse']),
        correlation: num(totals['corr']),
      },
      spend: m.gg
        ? { mae: Number(totals['s_mae']), rmse: Number(totals['s_rmse']), correlation: num(totals['s_corr']) }
        : null,
      tracking: await tracking(conn, m, bg.params, H),
      deciles: await deciles(conn),
      churnBands: (
        await groups(
          conn,
          sql`CASE WHEN 1 - b.p_alive < ${bands.medium} THEN 'Low' WHEN 1 - b.p_alive < ${bands.high} THEN 'Medium' ELSE 'High' END`,
          sql`backtest_customers b`,
        )
      ).sort((x, y) => BAND_ORDER.indexOf(x.group) - BAND_ORDER.indexOf(y.group)),
      rfmSegments: await rfmGroups(conn, addDaysIso(options.calibrationEnd, 1)),
    },
  }
}

/** BG/NBD (and Pareto/NBD) E[Y(H)] and P(alive) per distinct (x, t_x, T), appended for the SQL join. */
async function writeTuplePredictions(conn: Connection, m: FittedModels, H: number): Promise<void> {
  const d = m.data
  const perUnit = UNIT_DAYS[m.unit]
  const bg = m.bgnbd!.params
  const rows: (number | null)[][] = []
  for (let i = 0; i < d.size; i++) {
    const x = d.x[i]!
    const pa = bgnbdPAlive(bg, x, d.tx[i]!, d.T[i]!)
    const pareto = m.pareto ? paretoNbdConditionalExpected(m.pareto.params, x, d.tx[i]!, d.T[i]!, H) : null
    rows.push([
      x,
      Math.round(d.tx[i]! * perUnit),
      Math.round(d.T[i]! * perUnit),
      pa,
      bgnbdExpectedIfAlive(bg, x, d.T[i]!, H) * pa,
      pareto,
    ])
  }
  await conn.run(sql`DROP TABLE IF EXISTS backtest_tuples`)
  await conn.run(sql`CREATE TEMPORARY TABLE backtest_tuples (x INTEGER, tx_days INTEGER, t_days INTEGER,
    p_alive DOUBLE, pred_bg DOUBLE, pred_pareto DOUBLE)`)
  await conn.append('backtest_tuples', ['x', 'tx_days', 't_days', 'p_alive', 'pred_bg', 'pred_pareto'], rows)
}

/** Holdout purchase days and spend per calibration customer, plus each purchase day's period index. */
async function writeActuals(conn: Connection, options: BacktestOptions, summary: string): Promise<string> {
  const d = conn.dialect
  const start = addDaysIso(options.calibrationEnd, 1)
  const end = addDaysIso(options.holdoutEnd, 1)
  const day = d.dateOf(sql`ordered_at`)
  const perUnit = UNIT_DAYS[options.unit]
  await conn.run(sql`DROP TABLE IF EXISTS backtest_days`)
  await conn.run(sql`
    CREATE TEMPORARY TABLE backtest_days AS
    SELECT customer_id, day, value,
      CAST(floor(${d.daysBetween(d.dateLiteral(start), sql`day`)} / ${perUnit}) AS INTEGER) + 1 AS period
    FROM (
      SELECT customer_id, ${day} AS day, sum(amount) AS value FROM orders AS o
      WHERE ${purchaseCondition(options.includeZeroAmount)}
        AND ordered_at >= ${d.timestampLiteral(`${start} 00:00:00`)}
        AND ordered_at < ${d.timestampLiteral(`${end} 00:00:00`)}
        AND customer_id IN (SELECT customer_id FROM ${ident(summary)})
      GROUP BY customer_id, ${day}
    ) holdout`)
  await conn.run(sql`DROP TABLE IF EXISTS backtest_actuals`)
  await conn.run(sql`
    CREATE TEMPORARY TABLE backtest_actuals AS
    SELECT customer_id, count(*) AS purchases, ${d.toDouble(sql`sum(value)`)} AS spend
    FROM backtest_days GROUP BY customer_id`)
  return 'backtest_actuals'
}

async function tracking(
  conn: Connection,
  m: FittedModels,
  bg: BgnbdParams,
  H: number,
): Promise<BacktestResult['tracking']> {
  // Σ over customers of P(alive)·lead(x, T, t) = Σ over distinct (x, T) of lead · Σ P(alive).
  const d = m.data
  const groups = new Map<string, { x: number; T: number; alive: number }>()
  for (let i = 0; i < d.size; i++) {
    const key = `${d.x[i]}|${d.T[i]}`
    const g = groups.get(key) ?? { x: d.x[i]!, T: d.T[i]!, alive: 0 }
    g.alive += d.weight[i]! * bgnbdPAlive(bg, d.x[i]!, d.tx[i]!, d.T[i]!)
    groups.set(key, g)
  }
  const periods = Math.ceil(H - 1e-9)
  const actualRows = await conn.all<{ period: number; n: number }>(
    sql`SELECT period, count(*) AS n FROM backtest_days GROUP BY period ORDER BY period`,
  )
  const actualBy = new Map(actualRows.map((r) => [Number(r.period), Number(r.n)]))
  const out: {
    period: number
    actual: number
    predicted: number
    actualCumulative: number
    predictedCumulative: number
  }[] = []
  let actualCumulative = 0
  let previous = 0
  for (let k = 1; k <= periods; k++) {
    const t = Math.min(k, H)
    let cumulative = 0
    for (const g of groups.values()) cumulative += g.alive * bgnbdExpectedIfAlive(bg, g.x, g.T, t)
    const actual = actualBy.get(k) ?? 0
    actualCumulative += actual
    out.push({
      period: k,
      actual,
      predicted: cumulative - previous,
      actualCumulative,
      predictedCumulative: cumulative,
    })
    previous = cumulative
  }
  return out
}

async function deciles(conn: Connection): Promise<BacktestResult['deciles']> {
  const rows = await conn.all<Row>(sql`
    WITH ranked AS (
      SELECT pred_bg, actual, NTILE(10) OVER (ORDER BY pred_bg DESC, customer_id) AS decile FROM backtest_customers
    )
    SELECT decile, count(*) AS customers, sum(pred_bg) AS predicted, sum(actual) AS actual,
      avg(actual) / nullif((SELECT avg(actual) FROM backtest_customers), 0) AS lift
    FROM ranked GROUP BY decile ORDER BY decile`)
  return rows.map((r) => ({
    decile: Number(r['decile']),
    customers: Number(r['customers']),
    predicted: Number(r['predicted']),
    actual: Number(r['actual']),
    lift: Number(r['lift'] ?? 0),
  }))
}

async function groups(conn: Connection, key: Fragment, from: Fragment): Promise<GroupRow[]> {
  const rows = await conn.all<Row>(sql`
    SELECT ${key} AS grp, count(*) AS customers, avg(b.p_alive) AS mean_p_alive, sum(b.pred_bg) AS predicted,
      sum(b.actual) AS actual, avg(CASE WHEN b.actual > 0 THEN 1.0 ELSE 0.0 END) AS active_share
    FROM ${from} GROUP BY 1 ORDER BY 1`)
  return rows.map((r) => ({
    group: String(r['grp']),
    customers: Number(r['customers']),
    meanPAlive: Number(r['mean_p_alive']),
    predicted: Number(r['predicted']),
    actual: Number(r['actual']),
    activeShare: Number(r['active_share']),
  }))
}

/** Groups by the RFM segment of the latest analytics snapshot taken as of the day after calibration. */
async function rfmGroups(conn: Connection, asOf: string): Promise<GroupRow[] | null> {
  let snapshotId: string | undefined
  try {
    const row = await conn.one<{ snapshot_id: string }>(sql`
      SELECT snapshot_id FROM snapshots WHERE as_of = ${conn.dialect.dateLiteral(asOf)}
      ORDER BY created_at DESC LIMIT 1`)
    snapshotId = row?.snapshot_id
  } catch {
    return null // analytics tables absent in this store
  }
  if (!snapshotId) return null
  return groups(
    conn,
    sql`coalesce(cs.rfm_segment, 'unscored')`,
    sql`backtest_customers b LEFT JOIN customer_scores cs ON cs.customer_id = b.customer_id AND cs.snapshot_id = ${snapshotId}`,
  )
}

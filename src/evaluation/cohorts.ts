import { addDaysIso, IS_PURCHASE, NET_CONTRIBUTION } from '../analytics/index.js'
import type { Connection } from '../sql/driver.js'
import { ident, sql } from '../sql/fragment.js'

/** One month since first purchase, for one cohort. */
export interface CohortPeriod {
  /** 0 = the month of the first purchase. */
  readonly period: number
  /** Customers of the cohort with a purchase in that month. */
  readonly customers: number
  /** customers / cohort size. */
  readonly retention: number
  /** Net revenue (purchases − returns) of the cohort's orders that month. */
  readonly revenue: number
  /** Share of the cohort that had made a second purchase by the end of that month (repeat curve). */
  readonly repeatShare: number
  /** True for the month `asOf` falls in when `asOf` is not the first of a month (an incomplete month). */
  readonly partial: boolean
}

export interface Cohort {
  /** First-purchase month, `YYYY-MM`. */
  readonly cohort: string
  readonly size: number
  readonly periods: readonly CohortPeriod[]
  /** Mean and total 12-month CLV of the cohort's customers in the snapshot, when predictions exist. */
  readonly clv: { readonly mean: number; readonly total: number; readonly customers: number } | null
}

export interface CohortTable {
  readonly asOf: string
  readonly snapshotId: string | null
  readonly cohorts: readonly Cohort[]
}

/** `YYYY-MM` of a month index (year × 12 + month − 1). */
export function monthLabel(index: number): string {
  const year = Math.floor(index / 12)
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`
}

function monthIndexOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1
}

/**
 * Cohorts by first-purchase month over the orders dated before `asOf`: per month since the first purchase,
 * the customers who bought again (retention), the net revenue they brought, and the share who had made a
 * second purchase by then (the repeat-purchase curve). `months` cohorts, the newest last. CLV per cohort
 * comes from `snapshotId`'s `clv_12m` when given and filled. The counting is SQL; this only reshapes.
 *
 * @example
 * const t = await cohortTable(conn, { asOf: '2024-07-01', months: 6 })
 * t.cohorts[0].periods[1].retention // share of the first cohort buying again the next month
 */
export async function cohortTable(
  conn: Connection,
  options: { asOf: string; months?: number; snapshotId?: string | null },
): Promise<CohortTable> {
  const d = conn.dialect
  const lastMonth = monthIndexOf(addDaysIso(options.asOf, -1))
  const firstCohort = lastMonth - (options.months ?? 12) + 1
  const partial = !options.asOf.endsWith('-01')
  const before = d.timestampLiteral(`${options.asOf} 00:00:00`)
  // Orders before the first cohort's month cannot be a cohort customer's purchase (only a stray return,
  // which would fall in a negative month, never shown), so both scans start there.
  const from = d.timestampLiteral(`${monthLabel(firstCohort)}-01 00:00:00`)
  // Two scratch tables keep the heavy scans to one pass over orders each: the cohort of every customer
  // whose first purchase falls in the range, then only those customers' orders. Purchases decide who
  // belongs to a cohort and who came back; revenue nets returns as well.
  const firsts = 'strata_cohort_firsts'
  const rows = 'strata_cohort_orders'
  try {
    // min(ordered_at) first, the month of it after: no date function on every order row.
    await conn.run(sql`${d.replaceTempTable(firsts)} AS
      SELECT customer_id, ${d.monthIndex(sql`first_at`)} AS cohort FROM (
        SELECT o.customer_id, min(o.ordered_at) AS first_at
        FROM orders o WHERE o.customer_id IS NOT NULL AND o.ordered_at < ${before} AND ${IS_PURCHASE}
        GROUP BY o.customer_id
        HAVING min(o.ordered_at) >= ${from}
      ) t`)
    await conn.run(sql`${d.replaceTempTable(rows)} AS
      SELECT o.customer_id, f.cohort, ${d.monthIndex(sql`o.ordered_at`)} - f.cohort AS period, o.ordered_at,
        o.order_id, ${IS_PURCHASE} AS purchase, ${NET_CONTRIBUTION} AS net
      FROM orders o JOIN ${ident(firsts)} f ON f.customer_id = o.customer_id
      WHERE o.ordered_at >= ${from} AND o.ordered_at < ${before}`)
    return await summarise(conn, options, { firsts, rows, firstCohort, lastMonth, partial })
  } finally {
    await conn.run(sql`DROP TABLE IF EXISTS ${ident(firsts)}`)
    await conn.run(sql`DROP TABLE IF EXISTS ${ident(rows)}`)
  }
}

async function summarise(
  conn: Connection,
  options: { asOf: string; snapshotId?: string | null },
  x: { firsts: string; rows: string; firstCohort: number; lastMonth: number; partial: boolean },
): Promise<CohortTable> {
  const d = conn.dialect
  const { firstCohort, lastMonth, partial } = x
  const activity = await conn.all<{ cohort: number; period: number; customers: number; revenue: number }>(sql`
    SELECT cohort, period, count(DISTINCT CASE WHEN purchase THEN customer_id END) AS customers,
      ${d.toDouble(sql`sum(net)`)} AS revenue
    FROM ${ident(x.rows)} GROUP BY cohort, period`)
  const seconds = await conn.all<{ cohort: number; period: number | null; customers: number }>(sql`
    WITH ranked AS (
      SELECT customer_id, period, row_number() OVER (PARTITION BY customer_id ORDER BY ordered_at, order_id) AS nth
      FROM ${ident(x.rows)} WHERE purchase
    )
    SELECT f.cohort, r.period, count(*) AS customers
    FROM ${ident(x.firsts)} f LEFT JOIN ranked r ON r.customer_id = f.customer_id AND r.nth = 2
    GROUP BY 1, 2`)
  const clv = options.snapshotId
    ? await conn.all<{ cohort: number; mean: number | null; total: number | null; n: number }>(sql`
      SELECT f.cohort, ${d.toDouble(sql`avg(s.clv_12m)`)} AS mean, ${d.toDouble(sql`sum(s.clv_12m)`)} AS total,
        count(s.clv_12m) AS n
      FROM ${ident(x.firsts)} f
      JOIN customer_scores s ON s.customer_id = f.customer_id AND s.snapshot_id = ${options.snapshotId}
      GROUP BY 1`)
    : []

  const cohorts: Cohort[] = []
  for (let c = firstCohort; c <= lastMonth; c++) {
    const size = seconds.filter((s) => Number(s.cohort) === c).reduce((n, s) => n + Number(s.customers), 0)
    if (size === 0) continue
    const periods: CohortPeriod[] = []
    let repeated = 0
    for (let k = 0; k <= lastMonth - c; k++) {
      const row = activity.find((a) => Number(a.cohort) === c && Number(a.period) === k)
      repeated += Number(
        seconds.find((s) => Number(s.cohort) === c && s.period !== null && Number(s.period) === k)
          ?.customers ?? 0,
      )
      const customers = Number(row?.customers ?? 0)
      periods.push({
        period: k,
        customers,
        retention: customers / size,
        revenue: Number(row?.revenue ?? 0),
        repeatShare: repeated / size,
        partial: partial && c + k === lastMonth,
      })
    }
    const v = clv.find((r) => Number(r.cohort) === c)
    cohorts.push({
      cohort: monthLabel(c),
      size,
      periods,
      clv:
        v && Number(v.n) > 0
          ? { mean: Number(v.mean), total: Number(v.total), customers: Number(v.n) }
          : null,
    })
  }
  return { asOf: options.asOf, snapshotId: options.snapshotId ?? null, cohorts }
}

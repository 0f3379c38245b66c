import type { Dialect } from '../sql/dialect.js'
import { type Fragment, join, sql } from '../sql/fragment.js'
import type { Bins, RfmConfig, Thresholds } from './analysis-config.js'
import { IS_PURCHASE, inWindow, NET_CONTRIBUTION } from './purchase-rules.js'

/** Name of the temp table the RFM stage writes (one row per scored customer). */
export const RFM_TABLE = 'strata_stage_rfm'

export interface RfmQueryInput {
  readonly asOf: string
  readonly windowStart: string | null
  readonly rfm: Pick<RfmConfig, 'bins' | 'thresholds'>
}

/**
 * DESIGN §4: score = 1 + floor(bins · worse / N), `worse` = scored customers with a strictly worse value.
 * Ties share `worse`, hence the score; the top score is reached by nobody worse than … and since
 * worse ≤ N − 1 the score never exceeds `bins`.
 */
function rankScore(d: Dialect, worse: Fragment, bins: Bins): Fragment {
  return sql`(1 + ${d.floorDiv(sql`CAST(${bins} AS INTEGER) * ${worse}`, sql`n`)})`
}

/** Custom cut-offs: higher is better for F and M; for R the cut-offs are maximum recencies. */
function thresholdScore(value: Fragment, cuts: Thresholds, lowerIsBetter: boolean): Fragment {
  const bins = cuts.length + 1
  const arms = lowerIsBetter
    ? cuts.map((t, i) => sql`WHEN ${value} <= ${t} THEN ${bins - i}`)
    : [...cuts].reverse().map((t, i) => sql`WHEN ${value} >= ${t} THEN ${bins - i}`)
  return sql`(CASE ${join(arms, ' ')} ELSE 1 END)`
}

/**
 * The RFM stage as one statement: a single scan of `orders` aggregating R/F/M inputs for every customer
 * with a purchase in the window, then the three scores by window functions. Customers without a purchase
 * are absent (Prospects, unscored).
 *
 * @example
 * await conn.run(rfmStageQuery(conn.dialect, { asOf: '2011-12-10', windowStart: null, rfm: DEFAULT_CONFIG.rfm }))
 */
export function rfmStageQuery(d: Dialect, input: RfmQueryInput): Fragment {
  const { bins, thresholds } = input.rfm
  const score = (dim: 'r' | 'f' | 'm', value: Fragment, worse: Fragment) => {
    const cuts = thresholds[dim]
    return cuts ? thresholdScore(value, cuts, dim === 'r') : rankScore(d, worse, bins)
  }
  const asOf = d.dateLiteral(input.asOf)
  return sql`${d.replaceTempTable(RFM_TABLE)} AS
WITH agg AS (
  SELECT o.customer_id,
    ${d.daysBetween(d.dateOf(sql`max(CASE WHEN ${IS_PURCHASE} THEN o.ordered_at END)`), asOf)} AS recency_days,
    ${d.countIf(IS_PURCHASE)} AS frequency,
    ${d.toMoney(sql`sum(${NET_CONTRIBUTION})`)} AS monetary
  FROM orders AS o
  WHERE o.customer_id IS NOT NULL AND ${inWindow(d, input.asOf, input.windowStart)}
  GROUP BY o.customer_id
  HAVING ${d.countIf(IS_PURCHASE)} > 0
), ranked AS (
  SELECT agg.*, count(*) OVER () AS n,
    ${d.countStrictlyBelow(sql`-recency_days`)} AS r_worse,
    ${d.countStrictlyBelow(sql`frequency`)} AS f_worse,
    ${d.countStrictlyBelow(sql`monetary`)} AS m_worse
  FROM agg
)
SELECT customer_id, recency_days, frequency, monetary, n, r_worse, f_worse, m_worse,
  ${score('r', sql`recency_days`, sql`r_worse`)} AS r,
  ${score('f', sql`frequency`, sql`f_worse`)} AS f,
  ${score('m', sql`monetary`, sql`m_worse`)} AS m
FROM ranked`
}

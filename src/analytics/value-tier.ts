import type { Dialect } from '../sql/dialect.js'
import { type Fragment, sql } from '../sql/fragment.js'
import type { AnalysisConfig, ValueTierConfig } from './analysis-config.js'

/** Value tiers (DESIGN §4), stored in this form and displayed localised. */
export const VALUE_TIERS = ['high', 'potential', 'regular', 'low', 'churned'] as const
export type ValueTier = (typeof VALUE_TIERS)[number]

/** Churn-risk bands over 1 − P(alive). */
export const CHURN_BANDS = ['Low', 'Medium', 'High'] as const

/**
 * Window expression: the share of total (positive) value held by customers with a strictly higher value.
 * Ties share it, so equal spenders always land in the same tier. A window expression.
 *
 * @example
 * sql`SELECT ${valueShareBefore(d, sql`tier_value`)} AS value_share_before FROM scored`
 */
export function valueShareBefore(d: Dialect, value: Fragment): Fragment {
  const positive = sql`CASE WHEN ${value} > 0 THEN ${value} ELSE 0 END`
  // Strictly higher values only; the first group has no rows before it, hence the coalesce.
  const higher = d.sumOverHigher(positive, value)
  return sql`${d.toDouble(sql`coalesce(${higher}, 0)`)} / nullif(${d.toDouble(sql`sum(${positive}) OVER ()`)}, 0)`
}

/**
 * The tier: churned customers first, then by where their value sits in the cumulative share.
 *
 * @example
 * sql`${valueTierExpr(DEFAULT_CONFIG.valueTiers, sql`value_share_before`, sql`lifecycle`)}`
 */
export function valueTierExpr(c: ValueTierConfig, shareBefore: Fragment, lifecycle: Fragment): Fragment {
  return sql`CASE WHEN ${lifecycle} = 'Churned' THEN 'churned'
    WHEN ${shareBefore} < ${c.high} THEN 'high'
    WHEN ${shareBefore} < ${c.potential} THEN 'potential'
    WHEN ${shareBefore} < ${c.regular} THEN 'regular'
    ELSE 'low' END`
}

/** Low / Medium / High churn risk, or null without a prediction. */
export function churnBandExpr(c: AnalysisConfig['churnBands'], risk: Fragment): Fragment {
  return sql`CASE WHEN ${risk} IS NULL THEN NULL WHEN ${risk} < ${c.medium} THEN 'Low'
    WHEN ${risk} < ${c.high} THEN 'Medium' ELSE 'High' END`
}

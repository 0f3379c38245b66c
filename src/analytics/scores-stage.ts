import type { Dialect } from '../sql/dialect.js'
import { type Fragment, ident, join, sql } from '../sql/fragment.js'
import type { AnalysisConfig } from './analysis-config.js'
import { featuresRelation } from './customer-features.js'
import { lifecycleOfRule, lifecycleRuleExpr } from './lifecycle.js'
import { RFM_TABLE } from './rfm-score.js'
import { defaultSegmentMap, segmentPairs } from './rfm-segment-map.js'
import { CUSTOMER_SCORES, FEATURE_COLUMNS } from './snapshot-tables.js'
import { churnBandExpr, valueShareBefore, valueTierExpr } from './value-tier.js'

export interface ScoresQueryInput {
  readonly snapshotId: string
  readonly asOf: string
  readonly config: AnalysisConfig
  /** TEMP table from the prediction step, or null when no model ran. */
  readonly predictionsTable: string | null
}

function predictions(d: Dialect, table: string | null): Fragment {
  if (table) {
    return sql`SELECT customer_id, clv_12m, expected_purchases_90d, p_alive, expected_next_order_at
      FROM ${ident(table)}`
  }
  // No model: the same columns, typed, with no rows.
  return sql`SELECT ${d.typedNull('text')} AS customer_id, ${d.typedNull('double')} AS clv_12m,
      ${d.typedNull('double')} AS expected_purchases_90d, ${d.typedNull('double')} AS p_alive,
      ${d.typedNull('date')} AS expected_next_order_at WHERE FALSE`
}

/**
 * The scores stage as one INSERT … SELECT: joins RFM, features and predictions; maps codes to segments;
 * applies lifecycle rules and value tiers; writes one `customer_scores` row per known customer.
 *
 * @example
 * await conn.run(scoresStageQuery(conn.dialect, { snapshotId: '3', config, predictionsTable: null }))
 */
export function scoresStageQuery(d: Dialect, input: ScoresQueryInput): Fragment {
  const { config } = input
  const map = config.rfm.segments ?? defaultSegmentMap(config.rfm.bins)
  const pairs = segmentPairs(map).map(([code, segment]) => sql`(${code}, ${segment})`)
  const value =
    config.valueTiers.basis === 'clv'
      ? sql`coalesce(${d.toDouble(sql`p.clv_12m`)}, ${d.toDouble(sql`s.monetary`)})`
      : sql`s.monetary`
  const rule = lifecycleRuleExpr(config.lifecycle, {
    scored: sql`(t.customer_id IS NOT NULL)`,
    recencyDays: sql`t.recency_days`,
    frequency: sql`t.frequency`,
    r: sql`t.r`,
    f: sql`t.f`,
    medianIntervalDays: sql`f.median_interval_days`,
    pAlive: sql`p.p_alive`,
  })
  const columns = CUSTOMER_SCORES.columns.map((c) => sql`${ident(c.name)}`)
  // Projections are named explicitly: some engines name `f.x` "f.x" when several joined relations have x.
  const features = FEATURE_COLUMNS.map((c) => sql`f.${ident(c.name)} AS ${ident(c.name)}`)
  return sql`INSERT INTO customer_scores (${join(columns)})
WITH p AS (${predictions(d, input.predictionsTable)}),
segment_map (code, segment) AS (VALUES ${join(pairs)}),
scored AS (
  SELECT s.customer_id AS customer_id, s.recency_days AS recency_days, s.frequency AS frequency,
    s.monetary AS monetary, s.r AS r, s.f AS f, s.m AS m,
    ${valueShareBefore(d, value)} AS value_share_before
  FROM ${ident(RFM_TABLE)} AS s LEFT JOIN p ON p.customer_id = s.customer_id
), ruled AS (
  SELECT f.customer_id AS customer_id, t.recency_days AS recency_days, coalesce(t.frequency, 0) AS frequency,
    coalesce(t.monetary, f.net_spend) AS monetary, t.r AS r, t.f AS f, t.m AS m,
    CAST(t.r AS VARCHAR) || CAST(t.f AS VARCHAR) || CAST(t.m AS VARCHAR) AS rfm_code,
    ${d.toMoney(sql`p.clv_12m`)} AS clv_12m, p.expected_purchases_90d AS expected_purchases_90d,
    p.p_alive AS p_alive, 1 - p.p_alive AS churn_risk, p.expected_next_order_at AS expected_next_order_at,
    ${rule} AS lifecycle_reason, t.value_share_before AS value_share_before,
    ${join(features)}
  FROM (${featuresRelation(d, input)}) AS f
  LEFT JOIN scored AS t ON t.customer_id = f.customer_id
  LEFT JOIN p ON p.customer_id = f.customer_id
), staged AS (
  SELECT ruled.*, ${lifecycleOfRule(sql`lifecycle_reason`)} AS lifecycle, sm.segment AS rfm_segment
  FROM ruled LEFT JOIN segment_map AS sm ON sm.code = ruled.rfm_code
)
SELECT ${sql`${input.snapshotId}`} AS snapshot_id, customer_id, recency_days, frequency, monetary, r, f, m,
  rfm_code, rfm_segment, lifecycle,
  CASE WHEN r IS NULL THEN NULL
    ELSE ${valueTierExpr(config.valueTiers, sql`value_share_before`, sql`lifecycle`)} END AS value_tier,
  clv_12m, expected_purchases_90d, p_alive, churn_risk, ${churnBandExpr(config.churnBands, sql`churn_risk`)} AS churn_band,
  expected_next_order_at, lifecycle_reason, value_share_before,
  ${join(FEATURE_COLUMNS.map((c) => sql`${ident(c.name)}`))}
FROM staged`
}

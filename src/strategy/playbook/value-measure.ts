import type { ValueTierConfig } from '../../analytics/analysis-config.js'
import { valueShareBefore, valueTierExpr } from '../../analytics/value-tier.js'
import type { Dialect } from '../../sql/dialect.js'
import { type Fragment, sql } from '../../sql/fragment.js'
import type { ValueMeasure } from './industry-presets.js'

/**
 * The per-customer value a preset ranks by, over `customer_scores s` joined to `customers c`:
 * net spend (the analytics' monetary), `attributes.assets` (a number; missing or not a number → 0), or
 * visits (purchase orders = visits for a clinic that imports each visit as an order).
 */
export function valueMeasureExpr(d: Dialect, measure: ValueMeasure): Fragment {
  if (measure === 'assets') return sql`coalesce(${d.tryToDouble(d.jsonText(sql`c.attributes`, 'assets'))}, 0)`
  if (measure === 'visits') return sql`s.frequency`
  return sql`s.monetary`
}

/**
 * A relation (customer_id, lifecycle, value, value_share_before, value_tier) of one snapshot's customers,
 * tiered by the preset's measure with the snapshot's own tier limits and the analytics' share rule
 * (ties share a tier, Churned first). Prospects are unranked, except under `assets`: a bank client with
 * savings but no transaction still has value.
 *
 * @example
 * sql`SELECT value_tier, count(*) FROM (${presetValueTiers(d, '3', 'assets', cfg)}) t GROUP BY 1`
 */
export function presetValueTiers(
  d: Dialect,
  snapshotId: string,
  measure: ValueMeasure,
  tiers: ValueTierConfig,
): Fragment {
  const ranked = measure === 'assets' ? sql`TRUE` : sql`s.lifecycle <> 'Prospect'`
  return sql`
    SELECT customer_id, lifecycle, value,
      ${valueShareBefore(d, sql`value`)} AS value_share_before,
      ${valueTierExpr(tiers, valueShareBefore(d, sql`value`), sql`lifecycle`)} AS value_tier
    FROM (
      SELECT s.customer_id, s.lifecycle, ${d.toDouble(valueMeasureExpr(d, measure))} AS value
      FROM customer_scores s LEFT JOIN customers c ON c.customer_id = s.customer_id
      WHERE s.snapshot_id = ${snapshotId} AND ${ranked}
    ) v`
}

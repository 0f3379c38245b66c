import type { ColumnDef, TableDef } from '../sql/dialect.js'
import { registerMigration } from '../store/migrations.js'

/** One row per analysis run: its dates, the config it used, counts and any warnings. */
export const SNAPSHOTS: TableDef = {
  name: 'snapshots',
  key: ['snapshot_id'],
  columns: [
    { name: 'snapshot_id', type: 'text', nullable: false },
    { name: 'as_of', type: 'date', nullable: false },
    { name: 'window_start', type: 'date' },
    { name: 'created_at', type: 'timestamp' },
    { name: 'bins', type: 'integer', nullable: false },
    { name: 'config', type: 'json' },
    { name: 'customers_total', type: 'integer' },
    { name: 'customers_scored', type: 'integer' },
    { name: 'prospects', type: 'integer' },
    { name: 'monetary_total', type: 'money' },
    { name: 'warnings', type: 'json' },
    { name: 'predictions', type: 'json' },
  ],
}

/** The columns every export leads with (issue 3 §4), in order. */
export const SCORE_COLUMNS: readonly ColumnDef[] = [
  { name: 'customer_id', type: 'text', nullable: false },
  { name: 'recency_days', type: 'integer' },
  { name: 'frequency', type: 'integer' },
  { name: 'monetary', type: 'money' },
  { name: 'r', type: 'integer' },
  { name: 'f', type: 'integer' },
  { name: 'm', type: 'integer' },
  { name: 'rfm_code', type: 'text' },
  { name: 'rfm_segment', type: 'text' },
  { name: 'lifecycle', type: 'text' },
  { name: 'value_tier', type: 'text' },
]

/** Filled by the prediction step (models); null when no model ran. */
export const PREDICTION_COLUMNS: readonly ColumnDef[] = [
  { name: 'clv_12m', type: 'money' },
  { name: 'expected_purchases_90d', type: 'double' },
  { name: 'p_alive', type: 'double' },
  { name: 'churn_risk', type: 'double' },
  { name: 'churn_band', type: 'text' },
  { name: 'expected_next_order_at', type: 'date' },
]

/** Why the scores are what they are: the lifecycle rule that fired and the value-share position. */
export const REASON_COLUMNS: readonly ColumnDef[] = [
  { name: 'lifecycle_reason', type: 'text' },
  { name: 'value_share_before', type: 'double' },
]

/** Per-customer features (issue 3 §1), computed by the feature stage. */
export const FEATURE_COLUMNS: readonly ColumnDef[] = [
  { name: 'first_order_at', type: 'timestamp' },
  { name: 'last_order_at', type: 'timestamp' },
  { name: 'tenure_days', type: 'integer' },
  { name: 'purchase_value', type: 'money' },
  { name: 'aov', type: 'money' },
  { name: 'mean_interval_days', type: 'double' },
  { name: 'median_interval_days', type: 'double' },
  { name: 'refund_count', type: 'integer' },
  { name: 'refund_share', type: 'double' },
  { name: 'discount_share', type: 'double' },
  ...(['category', 'brand'] as const).flatMap((kind) =>
    ['', '_2', '_3'].flatMap((rank) => [
      { name: `top_${kind}${rank}`, type: 'text' } as const,
      { name: `top_${kind}${rank}_share`, type: 'double' } as const,
    ]),
  ),
  { name: 'online_share', type: 'double' },
  { name: 'store_share', type: 'double' },
  { name: 'community_share', type: 'double' },
  { name: 'weekend_share', type: 'double' },
  { name: 'night_share', type: 'double' },
  ...[7, 30, 90].flatMap((days) =>
    ['views', 'searches', 'carts'].map((k) => ({ name: `${k}_${days}d`, type: 'integer' }) as const),
  ),
  { name: 'latest_nps', type: 'integer' },
  { name: 'latest_satisfaction', type: 'double' },
  { name: 'age', type: 'integer' },
  { name: 'gender', type: 'text' },
  { name: 'city', type: 'text' },
  { name: 'region', type: 'text' },
  { name: 'city_tier', type: 'text' },
]

/** One row per customer per snapshot; prospects have null scores and lifecycle 'Prospect'. */
export const CUSTOMER_SCORES: TableDef = {
  name: 'customer_scores',
  key: ['snapshot_id', 'customer_id'],
  shardKey: 'customer_id',
  columns: [
    { name: 'snapshot_id', type: 'text', nullable: false },
    ...SCORE_COLUMNS,
    ...PREDICTION_COLUMNS,
    ...REASON_COLUMNS,
    ...FEATURE_COLUMNS,
  ],
}

registerMigration({
  version: 10,
  name: 'analytics snapshots and customer scores',
  up: (d) => [...d.createTable(SNAPSHOTS), ...d.createTable(CUSTOMER_SCORES)],
})

// Stores created while version 10 was in development lack later columns; adding every column "if missing"
// brings any of them up to the current shape.
registerMigration({
  version: 11,
  name: 'customer scores: top three categories and brands',
  up: (d) => CUSTOMER_SCORES.columns.map((c) => d.addColumn(CUSTOMER_SCORES.name, c)),
})

import type { TableDef } from '../sql/dialect.js'
import { registerMigration } from '../store/migrations.js'

/**
 * A campaign: who it targets (a saved segment, or an RFM segment / lifecycle stage of a snapshot), how big
 * its random holdout is, the seed that drew it, and the window over which it is measured.
 */
export const CAMPAIGNS: TableDef = {
  name: 'campaigns',
  key: ['campaign_id'],
  columns: [
    { name: 'campaign_id', type: 'text', nullable: false },
    { name: 'name', type: 'text', nullable: false },
    { name: 'target_kind', type: 'text', nullable: false },
    { name: 'target_value', type: 'text', nullable: false },
    { name: 'snapshot_id', type: 'text', nullable: false },
    { name: 'holdout_kind', type: 'text', nullable: false },
    { name: 'holdout_value', type: 'double', nullable: false },
    { name: 'seed', type: 'bigint', nullable: false },
    { name: 'start_date', type: 'date', nullable: false },
    { name: 'end_date', type: 'date', nullable: false },
    { name: 'baseline_rate', type: 'double' },
    { name: 'plan', type: 'json' },
    { name: 'created_at', type: 'timestamp', nullable: false },
  ],
}

/**
 * Who is in which arm. `stratum` is the customer's RFM segment in the campaign's snapshot (the holdout is
 * drawn within each); `consent` is the marketing consent when drawn: only consented treatment customers
 * are exported and both arms are measured on consented customers, so the comparison stays randomised.
 */
export const CAMPAIGN_ASSIGNMENTS: TableDef = {
  name: 'campaign_assignments',
  key: ['campaign_id', 'customer_id'],
  shardKey: 'customer_id',
  columns: [
    { name: 'campaign_id', type: 'text', nullable: false },
    { name: 'customer_id', type: 'text', nullable: false },
    { name: 'stratum', type: 'text', nullable: false },
    { name: 'arm', type: 'text', nullable: false },
    { name: 'consent', type: 'boolean', nullable: false },
  ],
}

/** Each measurement of a campaign (as of a date), kept so reports show the result they were given. */
export const CAMPAIGN_RESULTS: TableDef = {
  name: 'campaign_results',
  columns: [
    { name: 'campaign_id', type: 'text', nullable: false },
    { name: 'measured_at', type: 'timestamp', nullable: false },
    { name: 'as_of', type: 'date', nullable: false },
    { name: 'result', type: 'json', nullable: false },
  ],
}

/** A segment whose size or revenue moved more than the threshold between two consecutive snapshots. */
export const DRIFT_ALERTS: TableDef = {
  name: 'drift_alerts',
  key: ['alert_id'],
  columns: [
    { name: 'alert_id', type: 'text', nullable: false },
    { name: 'created_at', type: 'timestamp', nullable: false },
    { name: 'snapshot_from', type: 'text', nullable: false },
    { name: 'snapshot_to', type: 'text', nullable: false },
    { name: 'dimension', type: 'text', nullable: false },
    { name: 'group_key', type: 'text', nullable: false },
    { name: 'metric', type: 'text', nullable: false },
    { name: 'value_from', type: 'double', nullable: false },
    { name: 'value_to', type: 'double', nullable: false },
    { name: 'change', type: 'double' },
    { name: 'threshold', type: 'double', nullable: false },
    { name: 'delivered_at', type: 'timestamp' },
  ],
}

/** Past reports: the document itself (HTML) and where a PDF was written, if any. */
export const REPORTS: TableDef = {
  name: 'reports',
  key: ['report_id'],
  columns: [
    { name: 'report_id', type: 'text', nullable: false },
    { name: 'kind', type: 'text', nullable: false },
    { name: 'as_of', type: 'date', nullable: false },
    { name: 'lang', type: 'text', nullable: false },
    { name: 'format', type: 'text', nullable: false },
    { name: 'snapshot_id', type: 'text' },
    { name: 'created_at', type: 'timestamp', nullable: false },
    { name: 'path', type: 'text' },
    { name: 'html', type: 'text', nullable: false },
  ],
}

registerMigration({
  version: 60,
  name: 'evaluation: campaigns, assignments, results, drift alerts, reports',
  up: (d) =>
    [CAMPAIGNS, CAMPAIGN_ASSIGNMENTS, CAMPAIGN_RESULTS, DRIFT_ALERTS, REPORTS].flatMap((t) =>
      d.createTable(t),
    ),
})

// Evaluation: did the tiers and the actions work? Migration, cohorts, campaigns with holdouts, KPIs, drift.
import './evaluation-tables.js'

export type { Campaign, CampaignInput, CampaignPlan } from './campaign/campaigns.js'
export { createCampaign, getCampaign, listCampaigns, planCampaign } from './campaign/campaigns.js'
export { exportTreatment } from './campaign/export-list.js'
export type { Candidate, HoldoutSize } from './campaign/holdout.js'
export { allocate, drawHoldout, holdoutTotal } from './campaign/holdout.js'
export type {
  ArmOutcome,
  CampaignResult,
  GroupResult,
  MeasureOptions,
  TooSmallReason,
  Verdict,
} from './campaign/measure.js'
export { latestCampaignResults, measureCampaign, saveCampaignResult, verdictOf } from './campaign/measure.js'
export type { CampaignTarget, TargetKind } from './campaign/target.js'
export type { Cohort, CohortPeriod, CohortTable } from './cohorts.js'
export { cohortTable, monthLabel } from './cohorts.js'
export type { DriftAlert, DriftMetric, DriftOptions } from './drift.js'
export { checkDrift, listAlerts, markAlertsDelivered, pendingAlerts } from './drift.js'
export {
  CAMPAIGN_ASSIGNMENTS,
  CAMPAIGN_RESULTS,
  CAMPAIGNS,
  DRIFT_ALERTS,
  REPORTS,
} from './evaluation-tables.js'
export type { GroupDimension, MoveDirection } from './group-order.js'
export {
  GROUP_DIMENSIONS,
  groupLabel,
  groupLevel,
  moveDirection,
  NOT_PRESENT,
  sortGroups,
  UNSCORED,
} from './group-order.js'
export type { SnapshotKpis } from './kpis.js'
export { kpiSeries } from './kpis.js'
export type { MigrationCell, SankeyData, SegmentMigration } from './segment-migration.js'
export { segmentMigration } from './segment-migration.js'
export * from './stats/index.js'

// Analytics: per-customer features, RFM scores and segments, lifecycle, value tiers and snapshots.

// configuration
export type {
  AnalysisConfig,
  Bins,
  LifecycleConfig,
  RfmConfig,
  Thresholds,
  ValueTierConfig,
} from './analysis-config.js'
export { DEFAULT_CONFIG } from './analysis-config.js'
export { configOrThrow, loadAnalysisConfig } from './analysis-config-file.js'
export { parseAnalysisConfig } from './analysis-config-parse.js'
export type { AnalysisWindow } from './analysis-window.js'
export { addDaysIso, isIsoDate, resolveWindow } from './analysis-window.js'
// running an analysis
export type { AnalyzeOptions, AnalyzeResult, AnalyzeStage } from './analyze.js'
export { analyze } from './analyze.js'
export type { CustomerExplanation, DimensionWhy, MoveUp } from './customer-explain.js'
export { explainCustomer } from './customer-explain.js'
export type { ExplanationPart, ExplanationSentence } from './customer-explain-text.js'
export { explanationSentences, readable, readableShare } from './customer-explain-text.js'
export { FEATURE_PARTS, featureStageQueries, featuresRelation } from './customer-features.js'
export type { TimelineItem } from './customer-timeline.js'
export { customerTimeline } from './customer-timeline.js'
export type { DashboardKpis, DashboardSummary, RfCell } from './dashboard-summary.js'
export { ACTIVE_DAYS, dashboardSummary } from './dashboard-summary.js'
export type { LifecycleRule, LifecycleStage } from './lifecycle.js'
export { LIFECYCLE_RULES, LIFECYCLE_STAGES } from './lifecycle.js'
export type { PredictionStep } from './prediction-step.js'
export { PREDICTION_TABLE_COLUMNS } from './prediction-step.js'
export { IS_PURCHASE, IS_REFUND, IS_RETURN, isPurchase, NET_CONTRIBUTION } from './purchase-rules.js'
export { RFM_TABLE, rfmStageQuery } from './rfm-score.js'
// RFM, segments, lifecycle, tiers (SQL builders and their vocabularies)
export type { SegmentMap } from './rfm-segment-map.js'
export {
  allCodes,
  checkSegmentMap,
  DEFAULT_SEGMENT_MAP,
  defaultSegmentMap,
  SEGMENT_NAMES,
  segmentLabel,
} from './rfm-segment-map.js'
export { EXPORT_COLUMNS, exportScores, scoresExportQuery } from './score-export.js'
export { scoresStageQuery } from './scores-stage.js'
export type { GroupSummary, SnapshotSummary } from './segment-summary.js'
export { summarizeSnapshot } from './segment-summary.js'
export type { SnapshotInfo } from './snapshot-lookup.js'
export { findSnapshot } from './snapshot-lookup.js'
// snapshots: tables, lookup, summary, export, explanation
export { CUSTOMER_SCORES, FEATURE_COLUMNS, SCORE_COLUMNS, SNAPSHOTS } from './snapshot-tables.js'
export type { ValueTier } from './value-tier.js'
export { CHURN_BANDS, VALUE_TIERS } from './value-tier.js'

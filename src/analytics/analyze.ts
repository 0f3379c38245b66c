import { type Diagnostic, EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { ident, join, sql } from '../sql/fragment.js'
import { type AnalysisConfig, DEFAULT_CONFIG } from './analysis-config.js'
import { type AnalysisWindow, resolveWindow } from './analysis-window.js'
import { FEATURE_PARTS, featureStageQueries } from './customer-features.js'
import { PREDICTION_TABLE_COLUMNS, type PredictionStep } from './prediction-step.js'
import { RFM_TABLE, rfmStageQuery } from './rfm-score.js'
import { scoresStageQuery } from './scores-stage.js'
import { type SnapshotSummary, summarizeSnapshot } from './segment-summary.js'
import './snapshot-tables.js'

/** Stages in the order they run; `onStage` reports each as it starts (used for timing by the bench). */
export type AnalyzeStage = 'window' | 'rfm' | 'features' | 'predict' | 'scores' | 'summary'

export interface AnalyzeOptions {
  /** `YYYY-MM-DD`; default: the day after the newest order. */
  readonly asOf?: string
  /** `YYYY-MM-DD`; default: all history. */
  readonly windowStart?: string | null
  readonly config?: AnalysisConfig
  /** Predictive models (src/models); without it the prediction columns stay null. */
  readonly predict?: PredictionStep
  /** When the run happened, from the caller's clock (`YYYY-MM-DD HH:MM:SS`); core code reads no clock. */
  readonly createdAt?: string
  /** Cap on the engine's working memory (MB) for this connection; it spills to disk beyond. */
  readonly memoryLimitMB?: number
  readonly onStage?: (stage: AnalyzeStage) => void
}

export interface AnalyzeResult extends AnalysisWindow {
  readonly snapshotId: string
  readonly warnings: readonly Diagnostic[]
  readonly predictions: Record<string, unknown> | null
  readonly summary: SnapshotSummary
}

async function nextSnapshotId(conn: Connection): Promise<string> {
  const row = await conn.one<{ n: number }>(
    sql`SELECT coalesce(max(CAST(snapshot_id AS INTEGER)), 0) + 1 AS n FROM snapshots`,
  )
  return String(row?.n ?? 1)
}

async function runPrediction(
  conn: Connection,
  predict: PredictionStep,
  input: { asOf: string; snapshotId: string },
  warnings: Diagnostic[],
): Promise<{ table: string; info: Record<string, unknown> } | null> {
  try {
    const result = await predict(conn, input)
    if (!result.ok) {
      warnings.push(...result.diagnostics.map((d) => ({ ...d, severity: 'warning' as const })))
      return null
    }
    // Reading zero rows proves the table has every column the scores stage needs.
    const columns = join(PREDICTION_TABLE_COLUMNS.map((c) => sql`${ident(c)}`))
    await conn.all(sql`SELECT ${columns} FROM ${ident(result.table)} WHERE FALSE`)
    return { table: result.table, info: result.info }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    warnings.push({ code: 'analytics.predict.failed', params: { reason }, severity: 'warning' })
    return null
  }
}

/**
 * Computes a snapshot: RFM, features, optional predictions, lifecycle, value tiers — each stage SQL run
 * where the data lives (one statement per stage; features one per source table) — and stores it in
 * `snapshots` / `customer_scores` in one transaction. Stage temp tables are dropped however it ends.
 * An empty window (no purchase before `asOf`) is a user error (`analytics.empty_window`).
 *
 * @example
 * const { snapshotId, summary } = await analyze(conn, { asOf: '2011-12-10' })
 */
export async function analyze(conn: Connection, options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const d = conn.dialect
  const config = options.config ?? DEFAULT_CONFIG
  const stage = options.onStage ?? (() => undefined)
  stage('window')
  if (options.memoryLimitMB !== undefined) await conn.run(d.limitMemory(options.memoryLimitMB))
  const window = await resolveWindow(conn, options)
  try {
    return await runStages(conn, config, window, options)
  } finally {
    await dropStages(conn)
  }
}

async function runStages(
  conn: Connection,
  config: AnalysisConfig,
  window: AnalysisWindow,
  options: AnalyzeOptions,
): Promise<AnalyzeResult> {
  const d = conn.dialect
  const stage = options.onStage ?? (() => undefined)
  stage('rfm')
  await conn.run(rfmStageQuery(d, { ...window, rfm: config.rfm }))
  const scored = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(RFM_TABLE)}`)
  if (!scored?.n) {
    throw new StrataError({ code: 'analytics.empty_window', params: { ...window } }, EXIT.DATA)
  }
  stage('features')
  for (const statement of featureStageQueries(d, { ...window, config })) await conn.run(statement)
  const snapshotId = await nextSnapshotId(conn)
  const warnings: Diagnostic[] = []
  let predictions: { table: string; info: Record<string, unknown> } | null = null
  if (options.predict) {
    stage('predict')
    predictions = await runPrediction(conn, options.predict, { asOf: window.asOf, snapshotId }, warnings)
  }
  stage('scores')
  await conn.transaction(async () => {
    await conn.run(
      scoresStageQuery(d, {
        snapshotId,
        asOf: window.asOf,
        config,
        predictionsTable: predictions?.table ?? null,
      }),
    )
    await conn.run(sql`INSERT INTO snapshots (snapshot_id, as_of, window_start, created_at, bins, config,
        customers_total, customers_scored, prospects, monetary_total, warnings, predictions)
      SELECT ${snapshotId}, ${d.dateLiteral(window.asOf)},
        ${window.windowStart ? d.dateLiteral(window.windowStart) : d.typedNull('date')},
        ${options.createdAt ? d.timestampLiteral(options.createdAt) : d.typedNull('timestamp')},
        ${config.rfm.bins}, ${JSON.stringify(config)},
        count(*), count(r), count(*) - count(r), coalesce(sum(monetary), 0),
        ${JSON.stringify(warnings)}, ${predictions ? JSON.stringify(predictions.info) : null}
      FROM customer_scores WHERE snapshot_id = ${snapshotId}`)
  })
  stage('summary')
  const summary = await summarizeSnapshot(conn, snapshotId)
  return { ...window, snapshotId, warnings, predictions: predictions?.info ?? null, summary }
}

async function dropStages(conn: Connection): Promise<void> {
  for (const table of [RFM_TABLE, ...Object.values(FEATURE_PARTS)]) {
    await conn.run(sql`DROP TABLE IF EXISTS ${ident(table)}`)
  }
}

import { type AnalyzeOptions, type AnalyzeResult, analyze } from '../analytics/index.js'
import type { Connection } from '../sql/driver.js'
import type { SizeRecord } from './materialize.js'
import { refreshAllSegments } from './refresh.js'

/**
 * `analyze`, then every dynamic segment recomputed against the new snapshot — what `strata analyze` runs, so
 * segments are never staler than the scores. Lives here (not in analytics) so the analytics know nothing of
 * segments. The refresh is stamped with the analysis' `createdAt` (the caller's clock).
 *
 * @example
 * const { summary, segments } = await analyzeAndRefresh(conn, { createdAt: '2026-06-08 06:00:00' })
 */
export async function analyzeAndRefresh(
  conn: Connection,
  options: AnalyzeOptions,
): Promise<AnalyzeResult & { segments: SizeRecord[] }> {
  const result = await analyze(conn, options)
  const segments = await refreshAllSegments(conn, {
    asOf: result.asOf,
    snapshotId: result.snapshotId,
    now: options.createdAt ?? `${result.asOf} 00:00:00`,
  })
  return { ...result, segments }
}

import { type AnalyzeOptions, type AnalyzeResult, analyze } from '../analytics/index.js'
import { type RefreshTagsResult, refreshTags } from '../personas/index.js'
import { refreshAllSegments, type SizeRecord } from '../segments/index.js'
import type { Connection } from '../sql/driver.js'

export interface AnalysisRun extends AnalyzeResult {
  readonly tags: RefreshTagsResult
  readonly segments: SizeRecord[]
}

/**
 * What `strata analyze` (and the server's analyze) runs: the snapshot, then the tags computed from it, then
 * every dynamic segment — in that order, because segments may read `tag = …`. Composing the subsystems
 * here keeps analytics ignorant of tags and segments. Refreshes are stamped with the caller's `createdAt`.
 *
 * @example
 * const run = await analyzeAndRefresh(conn, { createdAt: '2026-06-08 06:00:00' })
 */
export async function analyzeAndRefresh(conn: Connection, options: AnalyzeOptions): Promise<AnalysisRun> {
  const result = await analyze(conn, options)
  const now = options.createdAt ?? `${result.asOf} 00:00:00`
  const tags = await refreshTags(conn, { snapshot: result.snapshotId, now })
  const segments = await refreshAllSegments(conn, { asOf: result.asOf, snapshotId: result.snapshotId, now })
  return { ...result, tags, segments }
}

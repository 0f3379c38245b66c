import type { SnapshotInfo } from '../../analytics/index.js'
import { defaultSegmentMap } from '../../analytics/rfm-segment-map.js'
import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'

/**
 * A snapshot's R/F/M inputs of every scored customer, sorted, kept in memory (3 × 8 bytes per customer:
 * 24 MB for a million) so one live customer is placed against the snapshot in O(log N) without a scan.
 */
export interface Distribution {
  readonly snapshot: SnapshotInfo
  readonly recency: Float64Array
  readonly frequency: Float64Array
  readonly monetary: Float64Array
  readonly segmentOf: ReadonlyMap<string, string>
}

export interface LiveInputs {
  readonly recency_days: number
  readonly frequency: number
  readonly monetary: number
}

export interface LiveScore {
  readonly r: number
  readonly f: number
  readonly m: number
  readonly code: string
  readonly segment: string | null
}

export async function loadDistribution(conn: Connection, snapshot: SnapshotInfo): Promise<Distribution> {
  const rows = await conn.all<{ recency_days: number; frequency: number; monetary: number }>(sql`
    SELECT recency_days, frequency, monetary FROM customer_scores
    WHERE snapshot_id = ${snapshot.snapshotId} AND r IS NOT NULL`)
  const column = (k: keyof LiveInputs) => Float64Array.from(rows, (r) => Number(r[k])).sort()
  const map = snapshot.config.rfm.segments ?? defaultSegmentMap(snapshot.bins === 4 ? 4 : 5)
  const segmentOf = new Map(Object.entries(map).flatMap(([s, codes]) => codes.map((c) => [c, s] as const)))
  return {
    snapshot,
    recency: column('recency_days'),
    frequency: column('frequency'),
    monetary: column('monetary'),
    segmentOf,
  }
}

/** Number of values strictly below `x` in an ascending array. */
export function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Number of values strictly above `x` in an ascending array. */
export function countAbove(sorted: Float64Array, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! <= x) lo = mid + 1
    else hi = mid
  }
  return sorted.length - lo
}

function rank(worse: number, n: number, bins: number): number {
  // A live value better than every stored one would give worse = N → bins + 1: capped at the top score.
  return Math.min(bins, 1 + Math.floor((bins * worse) / n))
}

function byThresholds(value: number, cuts: readonly number[], lowerIsBetter: boolean): number {
  const bins = cuts.length + 1
  if (lowerIsBetter) {
    for (let i = 0; i < cuts.length; i++) if (value <= cuts[i]!) return bins - i
    return 1
  }
  for (let i = cuts.length - 1; i >= 0; i--) if (value >= cuts[i]!) return i + 2
  return 1
}

/**
 * R/F/M of one customer against the snapshot (DESIGN §4 with the snapshot's population as the reference):
 * `worse` counts the snapshot's scored customers with a strictly worse value, N is their number, and
 * score = 1 + floor(bins · worse / N). Custom thresholds, when the snapshot used them, apply as they are.
 */
export function scoreAgainst(dist: Distribution, x: LiveInputs): LiveScore {
  const { bins, config } = dist.snapshot
  const n = dist.recency.length
  const t = config.rfm.thresholds
  const r = t.r
    ? byThresholds(x.recency_days, t.r, true)
    : n
      ? rank(countAbove(dist.recency, x.recency_days), n, bins)
      : bins
  const f = t.f
    ? byThresholds(x.frequency, t.f, false)
    : n
      ? rank(countBelow(dist.frequency, x.frequency), n, bins)
      : bins
  const m = t.m
    ? byThresholds(x.monetary, t.m, false)
    : n
      ? rank(countBelow(dist.monetary, x.monetary), n, bins)
      : bins
  const code = `${r}${f}${m}`
  return { r, f, m, code, segment: dist.segmentOf.get(code) ?? null }
}

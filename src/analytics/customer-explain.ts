import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection, Row } from '../sql/driver.js'
import { raw, sql } from '../sql/fragment.js'
import { LIFECYCLE_RULES, type LifecycleRule } from './lifecycle.js'
import { defaultSegmentMap, type SegmentMap } from './rfm-segment-map.js'
import { findSnapshot, type SnapshotInfo } from './snapshot-lookup.js'

export type Dim = 'r' | 'f' | 'm'
const DIMS: readonly Dim[] = ['r', 'f', 'm']
const INPUT: Record<Dim, string> = { r: 'recency_days', f: 'frequency', m: 'monetary' }

/** Why one score is what it is. For R the `needs` value is a maximum recency, for F and M a minimum. */
export interface DimensionWhy {
  readonly dim: Dim
  readonly value: number
  readonly score: number
  readonly method: 'rank' | 'thresholds'
  /** Scored customers (N) and those with a strictly worse value: score = 1 + floor(bins · worse / N). */
  readonly scored: number
  readonly worse: number
  readonly bins: number
  /** The lowest and highest input among customers sharing this score. */
  readonly range: { readonly low: number; readonly high: number }
  /** The next score up and the input it needs; null at the top. */
  readonly next: { readonly score: number; readonly needs: number } | null
}

/** A single-dimension change that would put the customer in a better-ranked segment. */
export interface MoveUp {
  readonly dim: Dim
  readonly toScore: number
  readonly needs: number
  readonly code: string
  readonly segment: string
}

export interface CustomerExplanation {
  readonly snapshot: SnapshotInfo
  readonly customerId: string
  /** The stored row: scores, predictions and features. */
  readonly row: Row
  /** Null for a prospect (no purchase, unscored). */
  readonly dimensions: readonly DimensionWhy[] | null
  readonly code: string | null
  readonly segment: string | null
  readonly lifecycle: { readonly stage: string; readonly rule: LifecycleRule; readonly params: Row }
  readonly valueTier: {
    readonly tier: string | null
    readonly shareBefore: number | null
    readonly params: Row
  }
  readonly moveUp: readonly MoveUp[]
  /** The first (best-ranked) segment of the snapshot's map. */
  readonly bestSegment: string | null
}

interface Bound {
  dim: Dim
  score: number
  low: number
  high: number
}

async function scoreBounds(conn: Connection, snapshotId: string): Promise<Bound[]> {
  const part = (dim: Dim) => {
    const col = sql`${raw(dim)}`
    const input = sql`${raw(INPUT[dim])}`
    return sql`SELECT ${dim} AS dim, ${col} AS score, min(${input}) AS low, max(${input}) AS high
      FROM customer_scores WHERE snapshot_id = ${snapshotId} AND ${col} IS NOT NULL GROUP BY ${col}`
  }
  return conn.all<Bound & Row>(sql`${part('r')} UNION ALL ${part('f')} UNION ALL ${part('m')}`)
}

function needsFor(dim: Dim, score: number, snap: SnapshotInfo, bounds: Bound[]): number | null {
  const cuts = snap.config.rfm.thresholds[dim]
  if (cuts) return dim === 'r' ? cuts[snap.bins - score]! : cuts[score - 2]!
  // The population decides: the weakest input among customers at this score or above.
  const above = bounds.filter((b) => b.dim === dim && b.score >= score)
  if (above.length === 0) return null
  return dim === 'r' ? Math.max(...above.map((b) => b.high)) : Math.min(...above.map((b) => b.low))
}

/**
 * Everything a customer page needs to say *why* (DESIGN §6 "Explainable"): the inputs, how each of R/F/M
 * was placed and what the next score needs, the code and its segment, the lifecycle rule and value-tier
 * position, and which single change would move the customer up a segment.
 *
 * @example
 * const why = await explainCustomer(conn, 'latest', '12347')
 * why.dimensions?.[1] // { dim: 'f', value: 7, score: 5, worse: 3912, scored: 4338, … }
 */
export async function explainCustomer(
  conn: Connection,
  snapshotRef: string | undefined,
  customerId: string,
): Promise<CustomerExplanation> {
  const snap = await findSnapshot(conn, snapshotRef)
  const row = await conn.one(
    sql`SELECT * FROM customer_scores WHERE snapshot_id = ${snap.snapshotId} AND customer_id = ${customerId}`,
  )
  if (!row) {
    throw new StrataError(
      { code: 'analytics.customer_not_found', params: { customer: customerId, snapshot: snap.snapshotId } },
      EXIT.NOT_FOUND,
    )
  }
  const lc = snap.config.lifecycle
  const rule = row['lifecycle_reason'] as LifecycleRule
  const lifecycle = {
    stage: LIFECYCLE_RULES[rule],
    rule,
    params: {
      recency_days: row['recency_days'],
      frequency: row['frequency'],
      median_interval_days: row['median_interval_days'],
      p_alive: row['p_alive'],
      churnDays: lc.churnDays,
      oneTimeAtRiskDays: lc.oneTimeAtRiskDays,
      atRiskIntervalMultiple: lc.atRiskIntervalMultiple,
      atRiskMinDays: lc.atRiskMinDays,
      pAliveChurn: lc.pAliveChurn,
      loyalMinOrders: lc.loyal.minOrders,
      loyalMinR: lc.loyal.minR,
      loyalMinF: lc.loyal.minF,
    },
  }
  const valueTier = {
    tier: (row['value_tier'] as string | null) ?? null,
    shareBefore: (row['value_share_before'] as number | null) ?? null,
    params: { ...snap.config.valueTiers },
  }
  const map = snap.config.rfm.segments ?? defaultSegmentMap(snap.bins === 4 ? 4 : 5)
  const bestSegment = Object.keys(map)[0] ?? null
  const base = { snapshot: snap, customerId, row, lifecycle, valueTier, bestSegment }
  if (row['r'] === null) return { ...base, dimensions: null, code: null, segment: null, moveUp: [] }

  const worse = (await conn.one<{ n: number; r: number; f: number; m: number }>(sql`
    SELECT count(*) AS n,
      ${conn.dialect.countIf(sql`s.recency_days > me.recency_days`)} AS r,
      ${conn.dialect.countIf(sql`s.frequency < me.frequency`)} AS f,
      ${conn.dialect.countIf(sql`s.monetary < me.monetary`)} AS m
    FROM customer_scores AS s
    JOIN customer_scores AS me ON me.snapshot_id = s.snapshot_id AND me.customer_id = ${customerId}
    WHERE s.snapshot_id = ${snap.snapshotId} AND s.r IS NOT NULL`))!
  const bounds = await scoreBounds(conn, snap.snapshotId)
  const dimensions = DIMS.map((dim): DimensionWhy => {
    const score = Number(row[dim])
    const own = bounds.find((b) => b.dim === dim && b.score === score)!
    const higher = bounds.filter((b) => b.dim === dim && b.score > score).map((b) => b.score)
    const nextScore = higher.length ? Math.min(...higher) : null
    const needs = nextScore === null ? null : needsFor(dim, nextScore, snap, bounds)
    return {
      dim,
      value: Number(row[INPUT[dim]]),
      score,
      method: snap.config.rfm.thresholds[dim] ? 'thresholds' : 'rank',
      scored: worse.n,
      worse: worse[dim],
      bins: snap.bins,
      range: { low: own.low, high: own.high },
      next: nextScore === null || needs === null ? null : { score: nextScore, needs },
    }
  })
  const code = String(row['rfm_code'])
  const segment = String(row['rfm_segment'])
  return { ...base, dimensions, code, segment, moveUp: movesUp(code, segment, map, snap, bounds) }
}

function movesUp(
  code: string,
  segment: string,
  map: SegmentMap,
  snap: SnapshotInfo,
  bounds: Bound[],
): MoveUp[] {
  const order = Object.keys(map)
  const segmentOf = new Map(Object.entries(map).flatMap(([s, codes]) => codes.map((c) => [c, s] as const)))
  const moves: MoveUp[] = []
  DIMS.forEach((dim, i) => {
    for (let s = Number(code[i]) + 1; s <= snap.bins; s++) {
      const next = code.slice(0, i) + s + code.slice(i + 1)
      const target = segmentOf.get(next)
      if (!target || order.indexOf(target) >= order.indexOf(segment)) continue
      const needs = needsFor(dim, s, snap, bounds)
      if (needs !== null) moves.push({ dim, toScore: s, needs, code: next, segment: target })
      break
    }
  })
  return moves
}

import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import { compileDefinition, knownSegments } from './definition.js'
import { readPopulation, share } from './population.js'
import type { SegmentContext } from './query-context.js'

/** What a definition would select now, without saving anything. */
export interface SegmentPreview {
  readonly canonical: string
  readonly ctx: SegmentContext
  readonly members: number
  readonly population: number
  readonly shareOfCustomers: number | null
  /** Σ monetary of the members in the snapshot (null without a snapshot). */
  readonly revenue: number | null
  readonly revenueTotal: number | null
  readonly shareOfRevenue: number | null
  /** The first `sample` members by customer id (deterministic). */
  readonly sample: readonly string[]
  /** Wall time of the evaluation when a clock was given (the edge's), else null. */
  readonly elapsedMs: number | null
}

/** The cheap first part of a preview: how many customers a definition selects, and their share. */
export type SegmentCount = Pick<
  SegmentPreview,
  'canonical' | 'ctx' | 'members' | 'population' | 'shareOfCustomers' | 'elapsedMs'
>

/**
 * Only the count of a definition and its share of the population — one `count(*)` over the member query,
 * with no join, so a builder can show it while the revenue share and the sample are still being computed
 * (on 1M customers: ≈ 10–60 ms against ≈ 100–250 ms for the whole preview).
 *
 * @example
 * const { members } = await countSegment(conn, "rfm_segment = 'At Risk'", { ctx })
 */
export async function countSegment(
  conn: Connection,
  text: string,
  options: { ctx: SegmentContext; clock?: () => number },
): Promise<SegmentCount> {
  const started = options.clock?.()
  const compiled = compileDefinition(conn, text, options.ctx, await knownSegments(conn))
  const row = await conn.one<{ members: number }>(sql`SELECT count(*) AS members FROM (${compiled.query}) q`)
  const totals = await readPopulation(conn, options.ctx)
  const members = Number(row?.members ?? 0)
  return {
    canonical: compiled.canonical,
    ctx: options.ctx,
    members,
    population: totals.population,
    shareOfCustomers: share(members, totals.population),
    elapsedMs: started === undefined ? null : options.clock!() - started,
  }
}

/**
 * Evaluates a definition: count, share of customers and of revenue, and a sample of members ordered by
 * customer id. Two statements over the member query — the count with the revenue (one join to the
 * snapshot's scores) and the sample (a top-N) — and no scratch table: writing the member set out and
 * joining it back cost 2–3× more on 1M customers than letting the engine evaluate the query twice.
 *
 * @example
 * const p = await previewSegment(conn, "lifecycle = 'At-risk' AND clv_12m > 500", { ctx, sample: 10 })
 */
export async function previewSegment(
  conn: Connection,
  text: string,
  options: { ctx: SegmentContext; sample?: number; clock?: () => number },
): Promise<SegmentPreview> {
  const started = options.clock?.()
  const compiled = compileDefinition(conn, text, options.ctx, await knownSegments(conn))
  const { ctx } = options
  const stats = await conn.one<{ members: number; revenue: number | null }>(
    ctx.snapshotId === null
      ? sql`SELECT count(*) AS members, NULL AS revenue FROM (${compiled.query}) q`
      : sql`SELECT count(*) AS members, sum(s.monetary) AS revenue FROM (${compiled.query}) q
          LEFT JOIN customer_scores s ON s.customer_id = q.customer_id AND s.snapshot_id = ${ctx.snapshotId}`,
  )
  const sample = await conn.all<{ customer_id: string }>(
    sql`SELECT customer_id FROM (${compiled.query}) q ORDER BY customer_id LIMIT ${options.sample ?? 10}`,
  )
  const totals = await readPopulation(conn, ctx)
  const members = Number(stats?.members ?? 0)
  const rev =
    stats?.revenue === null || stats?.revenue === undefined
      ? ctx.snapshotId
        ? 0
        : null
      : Number(stats.revenue)
  return {
    canonical: compiled.canonical,
    ctx,
    members,
    population: totals.population,
    shareOfCustomers: share(members, totals.population),
    revenue: rev,
    revenueTotal: totals.revenueTotal,
    shareOfRevenue: share(rev, totals.revenueTotal),
    sample: sample.map((r) => r.customer_id),
    elapsedMs: started === undefined ? null : options.clock!() - started,
  }
}

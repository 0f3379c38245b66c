import type { Connection } from '../sql/driver.js'
import { raw, sql } from '../sql/fragment.js'
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

const PREVIEW = 'segment_preview_members'

/**
 * Evaluates a definition: count, share of customers and of revenue, and a sample of members ordered by
 * customer id. The member set is computed once into a scratch table that the statistics then read.
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
  const d = conn.dialect
  const { ctx } = options
  try {
    await conn.run(sql`${d.replaceTempTable(PREVIEW)} AS SELECT customer_id FROM (${compiled.query}) q`)
    const revenue =
      ctx.snapshotId === null
        ? sql`NULL`
        : sql`(SELECT sum(s.monetary) FROM customer_scores s JOIN ${raw(PREVIEW)} p ON p.customer_id = s.customer_id
            WHERE s.snapshot_id = ${ctx.snapshotId})`
    const stats = await conn.one<{ members: number; revenue: number | null }>(
      sql`SELECT (SELECT count(*) FROM ${raw(PREVIEW)}) AS members, ${revenue} AS revenue`,
    )
    const sample = await conn.all<{ customer_id: string }>(
      sql`SELECT customer_id FROM ${raw(PREVIEW)} ORDER BY customer_id LIMIT ${options.sample ?? 10}`,
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
  } finally {
    await conn.run(raw(`DROP TABLE IF EXISTS ${PREVIEW}`))
  }
}

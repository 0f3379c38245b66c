import type { Connection } from '../sql/driver.js'
import { type Fragment, sql } from '../sql/fragment.js'
import type { SegmentContext } from './query-context.js'

/**
 * Size and revenue of the whole population a definition ranges over (the language's population: every
 * customer row plus every id in the snapshot's scores), for the "share of customers / of revenue" columns.
 * Revenue is Σ monetary of the snapshot (null without one).
 */
export function populationTotals(ctx: SegmentContext): Fragment {
  const scored =
    ctx.snapshotId === null
      ? sql`0`
      : sql`(SELECT count(*) FROM customer_scores s WHERE s.snapshot_id = ${ctx.snapshotId}
          AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = s.customer_id))`
  const revenue =
    ctx.snapshotId === null
      ? sql`NULL`
      : sql`(SELECT sum(monetary) FROM customer_scores WHERE snapshot_id = ${ctx.snapshotId})`
  return sql`SELECT (SELECT count(*) FROM customers) + ${scored} AS population, ${revenue} AS revenue_total`
}

/** Share `part / whole`, null when the whole is not positive. */
export function share(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || !(whole > 0)) return null
  return part / whole
}

/** Reads the totals. */
export async function readPopulation(
  conn: Connection,
  ctx: SegmentContext,
): Promise<{ population: number; revenueTotal: number | null }> {
  const row = await conn.one<{ population: number; revenue_total: number | null }>(populationTotals(ctx))
  return {
    population: Number(row?.population ?? 0),
    revenueTotal: row?.revenue_total === null || row?.revenue_total === undefined ? null : Number(row.revenue_total),
  }
}

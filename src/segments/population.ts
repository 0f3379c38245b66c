import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import type { SegmentContext } from './query-context.js'
import './segment-tables.js'

/** Share `part / whole`, null when the whole is not positive. */
export function share(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || !(whole > 0)) return null
  return part / whole
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

/**
 * Size and revenue of the whole population a definition ranges over (the language's population: every
 * customer row plus every id in the snapshot's scores), for the "share of customers / of revenue" figures.
 * Revenue is Σ monetary of the snapshot (null without one). Cached per snapshot in `segment_population`
 * while the customers table keeps its row count (see the table's note).
 *
 * @example
 * const { population, revenueTotal } = await readPopulation(conn, { asOf: '2026-06-30', snapshotId: '4' })
 */
export async function readPopulation(
  conn: Connection,
  ctx: SegmentContext,
): Promise<{ population: number; revenueTotal: number | null }> {
  const rows = Number((await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM customers`))?.n ?? 0)
  const snapshot = ctx.snapshotId
  if (snapshot === null) return { population: rows, revenueTotal: null }
  const cached = await conn.one<{ population: number; revenue_total: number | null }>(sql`
    SELECT population, revenue_total FROM segment_population
    WHERE snapshot_id = ${snapshot} AND customer_rows = ${rows}`)
  if (cached) return { population: Number(cached.population), revenueTotal: num(cached.revenue_total) }
  await conn.transaction(async () => {
    await conn.run(sql`DELETE FROM segment_population WHERE snapshot_id = ${snapshot}`)
    await conn.run(sql`INSERT INTO segment_population (snapshot_id, customer_rows, population, revenue_total)
      SELECT ${snapshot}, ${rows},
        ${rows} + (SELECT count(*) FROM customer_scores s WHERE s.snapshot_id = ${snapshot}
          AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = s.customer_id)),
        (SELECT sum(monetary) FROM customer_scores WHERE snapshot_id = ${snapshot})`)
  })
  return readPopulation(conn, ctx)
}

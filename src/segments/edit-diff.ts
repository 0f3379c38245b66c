import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { raw, sql } from '../sql/fragment.js'
import { compileDefinition, knownSegments } from './definition.js'
import type { SegmentContext } from './query-context.js'
import { getSegment, type SegmentInfo } from './segment-catalog.js'

/** Who an edit would move, compared with the segment's current (materialised) members. */
export interface EditDiff {
  readonly segment: SegmentInfo
  readonly canonical: string
  readonly before: number
  readonly after: number
  readonly entering: { readonly count: number; readonly sample: readonly string[] }
  readonly leaving: { readonly count: number; readonly sample: readonly string[] }
}

const NEXT = 'segment_edit_members'

/**
 * Evaluates a new definition for a saved segment and compares it with the current members: who would
 * enter, who would leave (counts and the first `sample` ids of each). Saving the edit (`updateSegment`
 * with the same context) opens and closes exactly these stays. Nothing is written.
 *
 * @example
 * const diff = await diffSegmentEdit(conn, 'at-risk', "rfm_segment = 'At Risk' AND clv_12m > 100", { ctx })
 */
export async function diffSegmentEdit(
  conn: Connection,
  ref: string,
  definition: string,
  options: { ctx: SegmentContext; sample?: number },
): Promise<EditDiff> {
  const segment = await getSegment(conn, ref)
  if (segment.kind === 'static') {
    throw new StrataError(
      { code: 'segments.static_definition', params: { segment: segment.name } },
      EXIT.USAGE,
    )
  }
  const compiled = compileDefinition(conn, definition, options.ctx, await knownSegments(conn))
  const d = conn.dialect
  const limit = options.sample ?? 10
  const current = sql`SELECT customer_id FROM segment_members
    WHERE segment_id = ${segment.segmentId} AND exited_at IS NULL`
  const entering = sql`SELECT n.customer_id FROM ${raw(NEXT)} n
    WHERE NOT EXISTS (SELECT 1 FROM (${current}) c WHERE c.customer_id = n.customer_id)`
  const leaving = sql`SELECT c.customer_id FROM (${current}) c
    WHERE NOT EXISTS (SELECT 1 FROM ${raw(NEXT)} n WHERE n.customer_id = c.customer_id)`
  try {
    await conn.run(sql`${d.replaceTempTable(NEXT)} AS SELECT DISTINCT customer_id FROM (${compiled.query}) q`)
    const counts = await conn.one<{ after: number; entering: number; leaving: number }>(sql`
      SELECT (SELECT count(*) FROM ${raw(NEXT)}) AS after, (SELECT count(*) FROM (${entering}) e) AS entering,
        (SELECT count(*) FROM (${leaving}) l) AS leaving`)
    const sampleOf = async (q: typeof entering) =>
      (
        await conn.all<{ customer_id: string }>(
          sql`SELECT customer_id FROM (${q}) s ORDER BY customer_id LIMIT ${limit}`,
        )
      ).map((r) => r.customer_id)
    return {
      segment,
      canonical: compiled.canonical,
      before: segment.members,
      after: Number(counts?.after ?? 0),
      entering: { count: Number(counts?.entering ?? 0), sample: await sampleOf(entering) },
      leaving: { count: Number(counts?.leaving ?? 0), sample: await sampleOf(leaving) },
    }
  } finally {
    await conn.run(raw(`DROP TABLE IF EXISTS ${NEXT}`))
  }
}

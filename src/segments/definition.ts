import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { type Fragment, sql } from '../sql/fragment.js'
import { compileSegment, type KnownSegment, referencedSegments } from './language/index.js'
import type { SegmentContext } from './query-context.js'

/** A definition compiled for one context: its member query and canonical text. */
export interface CompiledDefinition {
  readonly query: Fragment
  readonly canonical: string
  /** `in_segment('…')` references (ids or names), for refreshing segments after the ones they read. */
  readonly references: readonly string[]
}

/** The saved segments, for checking `in_segment('…')` names (and compiling them to stable ids). */
export async function knownSegments(conn: Connection): Promise<KnownSegment[]> {
  const rows = await conn.all<{ segment_id: string; name: string }>(
    sql`SELECT segment_id, name FROM segments ORDER BY segment_id`,
  )
  return rows.map((r) => ({ id: r.segment_id, name: r.name }))
}

/**
 * Compiles a segment definition with the language's checker and compiler; a definition that cannot be
 * valid (syntax, unknown field, wrong type, `in_segment` of a segment that does not exist) throws a
 * `StrataError` carrying every diagnostic (position, expectation, suggestion), so nothing invalid is ever
 * saved or run.
 *
 * @example
 * const { query } = compileDefinition(conn, "rfm_segment = 'At Risk'", ctx, await knownSegments(conn))
 */
export function compileDefinition(
  conn: Connection,
  text: string,
  ctx: SegmentContext,
  segments: readonly KnownSegment[],
): CompiledDefinition {
  const result = compileSegment(text, conn.dialect, { asOf: ctx.asOf, snapshotId: ctx.snapshotId, segments })
  if (!result.ok) {
    const [first, ...more] = result.diagnostics
    throw new StrataError(first ?? { code: 'segments.invalid_definition' }, EXIT.USAGE, more)
  }
  const { query, canonical, ast } = result.value
  return { query, canonical, references: referencedSegments(ast) }
}

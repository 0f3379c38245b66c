import type { Connection } from '../sql/driver.js'
import { join, sql } from '../sql/fragment.js'
import { getSegment, type SegmentInfo } from './segment-catalog.js'

/** Shared current members between every pair of the given segments. */
export interface OverlapMatrix {
  readonly segments: readonly SegmentInfo[]
  /** `shared[i][j]`: customers in both segment i and j (the diagonal is each segment's size). */
  readonly shared: readonly (readonly number[])[]
  /** `percent[i][j]`: `shared[i][j]` as a share of segment i (the row), 0–1; null for an empty row. */
  readonly percent: readonly (readonly (number | null)[])[]
}

/**
 * The overlap matrix of any set of segments in ONE statement: the current members of the chosen segments
 * counted per pair of segments (`Dialect.pairOverlap`: a self-join on DuckDB, per-customer arrays on
 * ClickHouse). Percentages are of the row segment.
 *
 * @example
 * const m = await segmentOverlap(conn, ['champions', 'at-risk', 'vip'])
 */
export async function segmentOverlap(conn: Connection, refs: readonly string[]): Promise<OverlapMatrix> {
  const segments: SegmentInfo[] = []
  for (const ref of refs) {
    const seg = await getSegment(conn, ref)
    if (!segments.some((s) => s.segmentId === seg.segmentId)) segments.push(seg)
  }
  const ids = segments.map((s) => s.segmentId)
  const rows =
    ids.length === 0
      ? []
      : await conn.all<{ row_id: string; col_id: string; shared: number }>(
          conn.dialect.pairOverlap(sql`SELECT segment_id AS group_id, customer_id FROM segment_members
            WHERE exited_at IS NULL AND segment_id IN (${join(ids.map((id) => sql`${id}`))})`),
        )
  const index = new Map(ids.map((id, i) => [id, i]))
  const shared = ids.map(() => ids.map(() => 0))
  for (const r of rows) shared[index.get(r.row_id)!]![index.get(r.col_id)!] = Number(r.shared)
  const percent = shared.map((row, i) => row.map((n) => (row[i]! > 0 ? n / row[i]! : null)))
  return { segments, shared, percent }
}

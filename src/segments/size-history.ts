import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'

/** One point of a segment's size over time. */
export interface SizePoint {
  readonly computedAt: string
  readonly asOf: string | null
  readonly snapshotId: string | null
  readonly members: number
  readonly entered: number
  readonly exited: number
  readonly revenue: number | null
}

/**
 * A segment's size series (oldest first, the last `limit` points): one point per materialisation.
 *
 * @example
 * const points = await segmentSizes(conn, 'at-risk')
 */
export async function segmentSizes(conn: Connection, segmentId: string, limit = 1000): Promise<SizePoint[]> {
  const rows = await conn.all(sql`SELECT * FROM (
      SELECT CAST(computed_at AS VARCHAR) AS computed_at, ${conn.dialect.formatDate(sql`as_of`)} AS as_of,
        snapshot_id, members, entered, exited, revenue, seq
      FROM segment_sizes WHERE segment_id = ${segmentId} ORDER BY seq DESC LIMIT ${limit}) x
    ORDER BY seq`)
  return rows.map((r) => ({
    computedAt: String(r['computed_at']),
    asOf: r['as_of'] === null ? null : String(r['as_of']),
    snapshotId: r['snapshot_id'] === null ? null : String(r['snapshot_id']),
    members: Number(r['members']),
    entered: Number(r['entered']),
    exited: Number(r['exited']),
    revenue: r['revenue'] === null ? null : Number(r['revenue']),
  }))
}

import { createSegmentFromQuery, latestContext, type SegmentContext } from '../segments/index.js'
import type { Connection } from '../sql/driver.js'
import { type Fragment, sql } from '../sql/fragment.js'

export interface StaticSegmentInput {
  readonly name: string
  readonly description: string
  /** A SELECT of `customer_id` (each once): the members to freeze. */
  readonly members: Fragment
  readonly now: string
  /** The snapshot the members were chosen from: the size row records its date and the members' net spend. */
  readonly snapshotId?: string
}

async function contextOf(
  conn: Connection,
  snapshotId: string | undefined,
  now: string,
): Promise<SegmentContext> {
  if (snapshotId === undefined) return latestContext(conn, { fallbackAsOf: now.slice(0, 10) })
  const row = await conn.one<{ as_of: string }>(
    sql`SELECT ${conn.dialect.formatDate(sql`as_of`)} AS as_of FROM snapshots WHERE snapshot_id = ${snapshotId}`,
  )
  return { asOf: row ? String(row.as_of) : now.slice(0, 10), snapshotId }
}

/**
 * Keeps a cluster or a lookalike list as a static segment (it never re-evaluates), through the segments
 * service so ids, the name check and the size series are the same as for any other segment.
 *
 * @example
 * await saveStaticSegment(conn, { name: 'Night owls', description: '…', members: sql`SELECT …`, now })
 */
export async function saveStaticSegment(
  conn: Connection,
  input: StaticSegmentInput,
): Promise<{ segmentId: string; members: number }> {
  const ctx = await contextOf(conn, input.snapshotId, input.now)
  const { segment, size } = await createSegmentFromQuery(
    conn,
    { name: input.name, members: input.members, description: input.description },
    { now: input.now, ctx },
  )
  return { segmentId: segment.segmentId, members: size.members }
}

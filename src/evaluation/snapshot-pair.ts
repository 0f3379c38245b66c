import { findSnapshot } from '../analytics/index.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'

/**
 * The snapshot just before `to` (by as-of date, then id): the default "what changed since last time" for
 * migration, shared by the CLI and the server. Null when `to` is the first snapshot.
 */
export async function previousSnapshot(conn: Connection, to: string): Promise<string | null> {
  const snap = await findSnapshot(conn, to)
  const asOf = conn.dialect.dateLiteral(snap.asOf)
  const row = await conn.one<{ snapshot_id: string }>(sql`SELECT snapshot_id FROM snapshots
    WHERE as_of < ${asOf} OR (as_of = ${asOf} AND CAST(snapshot_id AS INTEGER) < ${Number(snap.snapshotId)})
    ORDER BY as_of DESC, CAST(snapshot_id AS INTEGER) DESC LIMIT 1`)
  return row?.snapshot_id ?? null
}

import type { Dialect } from '../sql/dialect.js'
import type { Connection } from '../sql/driver.js'
import { type Fragment, raw, sql } from '../sql/fragment.js'
import type { SegmentContext } from './query-context.js'
import './segment-tables.js'

/** What one (re)materialisation did: the `segment_sizes` row it wrote. */
export interface SizeRecord {
  readonly segmentId: string
  readonly members: number
  readonly entered: number
  readonly exited: number
  /** Σ monetary of the members in the context's snapshot; null without a snapshot. */
  readonly revenue: number | null
}

const NEW_SET = 'segment_new_members'

/**
 * Replaces a segment's current members by the customers `query` selects, keeping history: a member who
 * left gets `exited_at = now` on their open stay, a newcomer (or a returning former member) gets a new stay
 * `entered_at = now`, and those who stay are untouched. Everything is set-difference SQL (the new set is
 * computed once into a scratch table); no customer passes through JavaScript. Records a `segment_sizes`
 * row and stamps the segment. Runs inside the caller's transaction (see `refreshSegments`).
 */
export async function materializeQuery(
  conn: Connection,
  segmentId: string,
  query: Fragment,
  options: { now: string; ctx: SegmentContext },
): Promise<SizeRecord> {
  const d = conn.dialect
  const now = d.timestampLiteral(options.now)
  await conn.run(sql`${d.replaceTempTable(NEW_SET)} AS SELECT DISTINCT customer_id FROM (${query}) q`)
  const current = sql`SELECT customer_id FROM segment_members
    WHERE segment_id = ${segmentId} AND exited_at IS NULL`
  const counts = await conn.one<{ members: number; entered: number; exited: number }>(sql`
    SELECT (SELECT count(*) FROM ${raw(NEW_SET)}) AS members,
      (SELECT count(*) FROM ${raw(NEW_SET)} n
        WHERE NOT EXISTS (SELECT 1 FROM (${current}) c WHERE c.customer_id = n.customer_id)) AS entered,
      (SELECT count(*) FROM (${current}) c
        WHERE NOT EXISTS (SELECT 1 FROM ${raw(NEW_SET)} n WHERE n.customer_id = c.customer_id)) AS exited`)
  await conn.run(sql`UPDATE segment_members SET exited_at = ${now}
    WHERE segment_id = ${segmentId} AND exited_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM ${raw(NEW_SET)} n WHERE n.customer_id = segment_members.customer_id)`)
  await conn.run(sql`INSERT INTO segment_members (segment_id, customer_id, entered_at, exited_at)
    SELECT ${segmentId}, n.customer_id, ${now}, NULL FROM ${raw(NEW_SET)} n
    WHERE NOT EXISTS (SELECT 1 FROM segment_members m
      WHERE m.segment_id = ${segmentId} AND m.exited_at IS NULL AND m.customer_id = n.customer_id)`)
  await conn.run(sql`DROP TABLE ${raw(NEW_SET)}`)
  return recordSize(conn, segmentId, {
    ...options,
    members: Number(counts?.members ?? 0),
    entered: Number(counts?.entered ?? 0),
    exited: Number(counts?.exited ?? 0),
  })
}

/** Σ monetary of a segment's current members in a snapshot, computed exactly in SQL (NULL without one). */
function revenueOf(d: Dialect, segmentId: string, snapshotId: string | null): Fragment {
  if (snapshotId === null) return d.toMoney(sql`NULL`)
  return sql`(SELECT coalesce(sum(s.monetary), 0) FROM segment_members m
    JOIN customer_scores s ON s.customer_id = m.customer_id AND s.snapshot_id = ${snapshotId}
    WHERE m.segment_id = ${segmentId} AND m.exited_at IS NULL)`
}

/** Appends a point to the size series and stamps the segment as computed `now` for `ctx.asOf`. */
export async function recordSize(
  conn: Connection,
  segmentId: string,
  r: { now: string; ctx: SegmentContext; members: number; entered: number; exited: number },
): Promise<SizeRecord> {
  const d = conn.dialect
  const at = d.timestampLiteral(r.now)
  await conn.run(sql`INSERT INTO segment_sizes
      (segment_id, computed_at, as_of, snapshot_id, members, entered, exited, revenue)
    SELECT ${segmentId}, ${at}, ${d.dateLiteral(r.ctx.asOf)}, ${r.ctx.snapshotId},
      ${r.members}, ${r.entered}, ${r.exited}, ${revenueOf(d, segmentId, r.ctx.snapshotId)}`)
  await conn.run(sql`UPDATE segments SET computed_at = ${at}, computed_as_of = ${d.dateLiteral(r.ctx.asOf)}
    WHERE segment_id = ${segmentId}`)
  const row = await conn.one<{ revenue: number | null }>(sql`SELECT revenue FROM segment_sizes
    WHERE segment_id = ${segmentId} AND computed_at = ${at} ORDER BY revenue LIMIT 1`)
  const revenue = row?.revenue === null || row?.revenue === undefined ? null : Number(row.revenue)
  return { segmentId, members: r.members, entered: r.entered, exited: r.exited, revenue }
}

/**
 * Adds a fixed list of customers (a scratch table or query with `customer_id`) as the members of a new
 * static segment, entering `now`.
 */
export async function insertMembers(
  conn: Connection,
  segmentId: string,
  customers: Fragment,
  now: string,
): Promise<void> {
  await conn.run(sql`INSERT INTO segment_members (segment_id, customer_id, entered_at, exited_at)
    SELECT DISTINCT ${segmentId}, customer_id, ${conn.dialect.timestampLiteral(now)}, NULL
    FROM (${customers}) q`)
}

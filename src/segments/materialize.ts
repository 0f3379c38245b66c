import type { Connection } from '../sql/driver.js'
import { type Fragment, join, raw, sql } from '../sql/fragment.js'
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

/** Membership counts of one materialisation, before its size point is recorded. */
export type MembershipChange = Omit<SizeRecord, 'revenue'>

const CHANGES = 'segment_member_changes'

/**
 * Replaces a segment's current members by the customers `query` selects, keeping history: a member who
 * left gets `exited_at = now` on their open stay, a newcomer (or a returning former member) gets a new stay
 * `entered_at = now`, and those who stay are untouched. One FULL JOIN of the new set with the open stays
 * keeps only the differences (a scratch table, usually small); the UPDATE and INSERT read that. No customer
 * passes through JavaScript. Runs inside the caller's transaction; `recordSizes` writes the size points.
 */
export async function applyMembership(
  conn: Connection,
  segmentId: string,
  query: Fragment,
  now: string,
): Promise<MembershipChange> {
  const d = conn.dialect
  const at = d.timestampLiteral(now)
  const open = sql`SELECT customer_id FROM segment_members WHERE segment_id = ${segmentId} AND exited_at IS NULL`
  await conn.run(sql`${d.replaceTempTable(CHANGES)} AS
    SELECT coalesce(n.customer_id, c.customer_id) AS customer_id, n.customer_id IS NOT NULL AS entering
    FROM (${query}) n FULL JOIN (${open}) c ON c.customer_id = n.customer_id
    WHERE n.customer_id IS NULL OR c.customer_id IS NULL`)
  const counts = await conn.one<{ before: number; entered: number; exited: number }>(sql`
    SELECT (SELECT count(*) FROM (${open}) c) AS before,
      (SELECT ${d.countIf(sql`entering`)} FROM ${raw(CHANGES)}) AS entered,
      (SELECT ${d.countIf(sql`NOT entering`)} FROM ${raw(CHANGES)}) AS exited`)
  const entered = Number(counts?.entered ?? 0)
  const exited = Number(counts?.exited ?? 0)
  if (exited > 0) {
    await conn.run(sql`UPDATE segment_members SET exited_at = ${at}
      WHERE segment_id = ${segmentId} AND exited_at IS NULL
        AND customer_id IN (SELECT customer_id FROM ${raw(CHANGES)} WHERE NOT entering)`)
  }
  if (entered > 0) {
    await conn.run(sql`INSERT INTO segment_members (segment_id, customer_id, entered_at, exited_at)
      SELECT ${segmentId}, customer_id, ${at}, NULL FROM ${raw(CHANGES)} WHERE entering`)
  }
  await conn.run(sql`DROP TABLE ${raw(CHANGES)}`)
  return { segmentId, members: Number(counts?.before ?? 0) + entered - exited, entered, exited }
}

/**
 * Appends one point per segment to the size series and stamps the segments as computed `now` for
 * `ctx.asOf`. Revenue (Σ monetary of the current members in the snapshot, exact) is one grouped join for
 * all the segments together, not one per segment.
 */
export async function recordSizes(
  conn: Connection,
  changes: readonly MembershipChange[],
  options: { now: string; ctx: SegmentContext },
): Promise<SizeRecord[]> {
  if (changes.length === 0) return []
  const d = conn.dialect
  const at = d.timestampLiteral(options.now)
  const asOf = d.dateLiteral(options.ctx.asOf)
  const ids = join(changes.map((c) => sql`${c.segmentId}`))
  const values = join(changes.map((c) => sql`(${c.segmentId}, ${c.members}, ${c.entered}, ${c.exited})`))
  const snapshot = options.ctx.snapshotId
  const revenue =
    snapshot === null
      ? sql`SELECT segment_id, ${d.toMoney(sql`NULL`)} AS revenue FROM segments WHERE segment_id IN (${ids})`
      : sql`SELECT m.segment_id, sum(s.monetary) AS revenue FROM segment_members m
          JOIN customer_scores s ON s.customer_id = m.customer_id AND s.snapshot_id = ${snapshot}
          WHERE m.exited_at IS NULL AND m.segment_id IN (${ids}) GROUP BY m.segment_id`
  const empty = snapshot === null ? d.toMoney(sql`NULL`) : d.toMoney(sql`0`)
  await conn.run(sql`INSERT INTO segment_sizes
      (segment_id, seq, computed_at, as_of, snapshot_id, members, entered, exited, revenue)
    SELECT v.segment_id,
      coalesce((SELECT max(z.seq) FROM segment_sizes z WHERE z.segment_id = v.segment_id), 0) + 1,
      ${at}, ${asOf}, ${snapshot}, v.members, v.entered, v.exited, coalesce(r.revenue, ${empty})
    FROM (VALUES ${values}) AS v(segment_id, members, entered, exited)
    LEFT JOIN (${revenue}) r ON r.segment_id = v.segment_id`)
  await conn.run(
    sql`UPDATE segments SET computed_at = ${at}, computed_as_of = ${asOf} WHERE segment_id IN (${ids})`,
  )
  const rows = await conn.all<{ segment_id: string; revenue: number | null }>(sql`
    SELECT z.segment_id, z.revenue FROM segment_sizes z
    WHERE z.segment_id IN (${ids})
      AND z.seq = (SELECT max(y.seq) FROM segment_sizes y WHERE y.segment_id = z.segment_id)`)
  const byId = new Map(rows.map((r) => [r.segment_id, r.revenue === null ? null : Number(r.revenue)]))
  return changes.map((c) => ({ ...c, revenue: byId.get(c.segmentId) ?? null }))
}

/** `applyMembership` then `recordSizes` for one segment (create, edit). */
export async function materializeQuery(
  conn: Connection,
  segmentId: string,
  query: Fragment,
  options: { now: string; ctx: SegmentContext },
): Promise<SizeRecord> {
  const change = await applyMembership(conn, segmentId, query, options.now)
  const [size] = await recordSizes(conn, [change], options)
  return size!
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

/** The size point of a segment whose members were just written directly (static lists, freezes). */
export async function recordStaticSize(
  conn: Connection,
  segmentId: string,
  members: number,
  options: { now: string; ctx: SegmentContext },
): Promise<SizeRecord> {
  const [size] = await recordSizes(conn, [{ segmentId, members, entered: members, exited: 0 }], options)
  return size!
}

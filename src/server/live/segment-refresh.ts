import { compileSegment } from '../../segments/language/index.js'
import type { Connection } from '../../sql/driver.js'
import { ident, join, sql } from '../../sql/fragment.js'
import { at } from '../clock.js'

/** A customer entering or leaving a saved segment. */
export interface SegmentChange {
  readonly segmentId: string
  readonly segmentName: string
  readonly customerId: string
  readonly change: 'entered' | 'exited'
}

/**
 * Re-evaluates every saved dynamic segment for just the customers in table `affected` (column
 * `customer_id`) and records entries and exits in `segment_members` (a row per stay: entries insert,
 * exits close the open row). Other customers' memberships are untouched, so the cost follows the
 * number of changed customers, not the store's size. Definitions that no longer compile are skipped
 * (their own refresh reports them).
 */
export async function refreshSegmentsFor(
  conn: Connection,
  affected: string,
  input: { asOf: string; snapshotId: string | null; now: Date },
): Promise<SegmentChange[]> {
  const segments = await conn.all<{ segment_id: string; name: string; definition: string }>(
    sql`SELECT segment_id, name, definition FROM segments WHERE kind = 'dynamic' AND definition IS NOT NULL ORDER BY segment_id`,
  )
  const known = (
    await conn.all<{ segment_id: string; name: string }>(sql`SELECT segment_id, name FROM segments`)
  ).map((r) => ({ id: r.segment_id, name: r.name }))
  const changes: SegmentChange[] = []
  const a = ident(affected)
  const now = at(conn.dialect, input.now)
  for (const s of segments) {
    const compiled = compileSegment(s.definition, conn.dialect, {
      asOf: input.asOf,
      snapshotId: input.snapshotId,
      segments: known,
    })
    if (!compiled.ok) continue
    const rows = await conn.all<{ customer_id: string; now_in: boolean; was_in: boolean }>(sql`
      WITH now_in AS (
        SELECT q.customer_id FROM (${compiled.value.query}) AS q WHERE q.customer_id IN (SELECT customer_id FROM ${a})
      ), was_in AS (
        SELECT customer_id FROM segment_members
        WHERE segment_id = ${s.segment_id} AND exited_at IS NULL AND customer_id IN (SELECT customer_id FROM ${a})
      )
      SELECT coalesce(n.customer_id, w.customer_id) AS customer_id, n.customer_id IS NOT NULL AS now_in,
        w.customer_id IS NOT NULL AS was_in
      FROM now_in AS n FULL OUTER JOIN was_in AS w ON n.customer_id = w.customer_id
      WHERE n.customer_id IS NULL OR w.customer_id IS NULL`)
    for (const r of rows) {
      const change = r.now_in ? 'entered' : 'exited'
      changes.push({ segmentId: s.segment_id, segmentName: s.name, customerId: r.customer_id, change })
    }
    // Entries are the rows just computed: no second evaluation of the definition.
    const entries = rows.filter((r) => r.now_in).map((r) => r.customer_id)
    for (let i = 0; i < entries.length; i += 500) {
      const values = entries.slice(i, i + 500).map((c) => sql`(${s.segment_id}, ${c}, ${now}, NULL)`)
      await conn.run(
        sql`INSERT INTO segment_members (segment_id, customer_id, entered_at, exited_at) VALUES ${join(values)}`,
      )
    }
    const exits = rows.filter((r) => r.was_in).map((r) => r.customer_id)
    for (let i = 0; i < exits.length; i += 500) {
      const chunk = exits.slice(i, i + 500)
      await conn.run(sql`UPDATE segment_members SET exited_at = ${now}
        WHERE segment_id = ${s.segment_id} AND exited_at IS NULL AND customer_id IN (${join(chunk.map((c) => sql`${c}`))})`)
    }
  }
  return changes
}

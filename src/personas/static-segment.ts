import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { type Fragment, sql } from '../sql/fragment.js'
import '../segments/segment-tables.js'

export interface StaticSegmentInput {
  readonly name: string
  readonly description: string
  /** A SELECT of `customer_id` (each once): the members to freeze. */
  readonly members: Fragment
  readonly now: string
}

/** A fresh segment id: `seg-<n>`, the first free number after the count of segments. */
async function freeSegmentId(conn: Connection): Promise<string> {
  const row = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM segments`)
  for (let n = Number(row?.n ?? 0) + 1; ; n++) {
    const id = `seg-${n}`
    const taken = await conn.one(sql`SELECT 1 AS x FROM segments WHERE segment_id = ${id}`)
    if (!taken) return id
  }
}

/**
 * Saves a list of customers as a static segment (kind 'static': it never re-evaluates): a `segments` row
 * and one current `segment_members` row per customer, in one transaction. Names are unique.
 *
 * @example
 * await saveStaticSegment(conn, { name: 'Night owls', description: '…', members: sql`SELECT …`, now })
 */
export async function saveStaticSegment(
  conn: Connection,
  input: StaticSegmentInput,
): Promise<{ segmentId: string; members: number }> {
  const d = conn.dialect
  const at = d.timestampLiteral(input.now)
  const clash = await conn.one(sql`SELECT segment_id FROM segments WHERE name = ${input.name}`)
  if (clash)
    throw new StrataError({ code: 'personas.segment_exists', params: { name: input.name } }, EXIT.USAGE)
  return conn.transaction(async () => {
    const segmentId = await freeSegmentId(conn)
    await conn.run(sql`INSERT INTO segments (segment_id, name, kind, definition, description, template_id,
        frozen_from, created_at, updated_at, computed_at, computed_as_of)
      VALUES (${segmentId}, ${input.name}, 'static', NULL, ${input.description}, NULL, NULL, ${at}, ${at}, ${at}, NULL)`)
    await conn.run(sql`INSERT INTO segment_members (segment_id, customer_id, entered_at, exited_at)
      SELECT ${segmentId}, m.customer_id, ${at}, NULL FROM (${input.members}) AS m`)
    const n = await conn.one<{ n: number }>(
      sql`SELECT count(*) AS n FROM segment_members WHERE segment_id = ${segmentId} AND exited_at IS NULL`,
    )
    return { segmentId, members: Number(n?.n ?? 0) }
  })
}

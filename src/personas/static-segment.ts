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
  /** The snapshot the members were chosen from: the size row records its date and the members' net spend. */
  readonly snapshotId?: string
}

/**
 * A fresh segment id the way the segments service makes them: a slug of the name (`night-owls`,
 * `night-owls-2` when taken), or `seg-<n>` for names without Latin letters or digits (`夜猫子`).
 */
async function freeSegmentId(conn: Connection, name: string): Promise<string> {
  const taken = new Set(
    (await conn.all<{ segment_id: string }>(sql`SELECT segment_id FROM segments`)).map((r) => r.segment_id),
  )
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
  if (!slug) {
    let n = taken.size + 1
    while (taken.has(`seg-${n}`)) n++
    return `seg-${n}`
  }
  if (!taken.has(slug)) return slug
  let n = 2
  while (taken.has(`${slug}-${n}`)) n++
  return `${slug}-${n}`
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
  const clash = await conn.one(
    sql`SELECT segment_id FROM segments WHERE name = ${input.name} OR segment_id = ${input.name}`,
  )
  if (clash)
    throw new StrataError({ code: 'personas.segment_exists', params: { name: input.name } }, EXIT.USAGE)
  return conn.transaction(async () => {
    const segmentId = await freeSegmentId(conn, input.name)
    await conn.run(sql`INSERT INTO segments (segment_id, name, kind, definition, description, template_id,
        frozen_from, created_at, updated_at, computed_at, computed_as_of)
      VALUES (${segmentId}, ${input.name}, 'static', NULL, ${input.description}, NULL, NULL, ${at}, ${at}, ${at}, NULL)`)
    await conn.run(sql`INSERT INTO segment_members (segment_id, customer_id, entered_at, exited_at)
      SELECT ${segmentId}, m.customer_id, ${at}, NULL FROM (${input.members}) AS m`)
    const n = await conn.one<{ n: number }>(
      sql`SELECT count(*) AS n FROM segment_members WHERE segment_id = ${segmentId} AND exited_at IS NULL`,
    )
    const members = Number(n?.n ?? 0)
    // The first point of the size-over-time series, as the segments service records a new static segment.
    const snap = input.snapshotId ?? null
    await conn.run(sql`INSERT INTO segment_sizes (segment_id, computed_at, as_of, snapshot_id, members, entered, exited, revenue)
      SELECT ${segmentId}, ${at}, (SELECT as_of FROM snapshots WHERE snapshot_id = ${snap}), ${snap}, ${members}, ${members}, 0,
        (SELECT sum(s.monetary) FROM customer_scores AS s JOIN segment_members AS m ON m.customer_id = s.customer_id
         WHERE s.snapshot_id = ${snap} AND m.segment_id = ${segmentId} AND m.exited_at IS NULL)`)
    return { segmentId, members }
  })
}
